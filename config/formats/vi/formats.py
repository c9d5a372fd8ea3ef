# Vietnamese formats where Django's own (django/conf/locale/vi/formats.py) fall short; the rest are Django's.
# Django's Vietnamese formats group no digits (NUMBER_GROUPING 0): Vietnamese writes 100.000 USD.
NUMBER_GROUPING = 3
# Dates as Vietnamese prints them in running text: 6/1991, 15/6/1991 (day, month, year; no leading zeros).
YEAR_MONTH_FORMAT = "n/Y"
DATE_FORMAT = "j/n/Y"
