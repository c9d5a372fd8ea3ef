"""Large writes in plain SQL: INSERT and UPDATE with executemany, without a model instance per row.

Django's bulk_create builds an instance per row and, on SQLite, a statement per few dozen rows;
for the tens of thousands of rows of a big import (records, links, revisions, log entries,
reference-index rows, the database search's rows) that cost dominates. Values go to the driver
as they are, except those of fields that need Django's preparation (dates, decimals, JSON…).
"""

import functools
from collections.abc import Iterable, Iterator, Sequence

from django.db import models, transaction

STATEMENT_ROWS = 5000  # rows per executemany call


def chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    """`items` in consecutive slices of at most `size`."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _converters(fields, connection) -> list:
    """Per field, None when its values pass to the driver as they are, else a function preparing one."""
    plain = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey)
    converters = []
    for f in fields:
        if isinstance(f, plain) and not isinstance(f, models.JSONField):
            converters.append(None)
            continue
        convert = functools.partial(f.get_db_prep_save, connection=connection)
        if isinstance(f, models.DateField):  # and DateTimeField: an import stamps thousands of rows alike
            convert = functools.lru_cache(maxsize=256)(convert)
        converters.append(convert)
    return converters


def _prepared(converters, values: Iterable) -> list:
    return [value if convert is None else convert(value) for convert, value in zip(converters, values, strict=True)]


def sql_insert(model, field_names: list[str], rows: Iterable[tuple]) -> int:
    """INSERT rows of plain values (in `field_names` order): no instances, no RETURNING. Returns the count."""
    connection = transaction.get_connection()
    fields = [model._meta.get_field(name) for name in field_names]
    converters = _converters(fields, connection)
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields), ", ".join(["%s"] * len(fields))
    )
    params = [_prepared(converters, row) for row in rows]
    with connection.cursor() as cursor:
        for chunk in chunks(params, STATEMENT_ROWS):
            cursor.executemany(sql, chunk)
    return len(params)


def sql_update(model, field_names: list[str], objects: Iterable[models.Model]) -> None:
    """UPDATE these fields of `objects` by primary key; bulk_update's CASE per row and field is far slower."""
    connection = transaction.get_connection()
    fields = [model._meta.get_field(name) for name in field_names]
    converters = _converters(fields, connection)
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(model._meta.db_table),
        ", ".join(f"{quote(f.column)} = %s" for f in fields),
        quote(model._meta.pk.column),
    )
    params = [[*_prepared(converters, (getattr(obj, f.attname) for f in fields)), obj.pk] for obj in objects]
    with connection.cursor() as cursor:
        for chunk in chunks(params, STATEMENT_ROWS):
            cursor.executemany(sql, chunk)
