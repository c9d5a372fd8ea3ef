"""The admin's choosers: vocabulary terms as tags, and choosers labelled in the admin's language.

Techniques, materials and partners are chosen with Wagtail's own tag input (the jQuery tag-it
widget its tag fields use, already on every admin page), fed by a search that folds accents
(heritage.text.fold: "son mai" finds "Sơn mài"). Without JavaScript the same field is a text box
of names separated by semicolons, as in the CSV import. A name that is not in the vocabulary is
added only when the curator ticks the box the form then shows for it, and only if they may add to
that vocabulary (checked here, on the server).

Wagtail formats a chooser's labels with its model's name once, when the form class is built, in
whatever language is active then (Vietnamese, the default): "Chọn một trang (Di tích)" in the
English admin. The choosers below format them each time they are shown, and show a monument's,
an artefact's or a term's name in the admin's language (heritage.labels.name_in).
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.utils.text import capfirst
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.widgets import AdminPageChooser

from .labels import name_in
from .text import fold

SEPARATOR = ";"  # as in the CSV import (heritage.importing.MULTI_VALUE_SEPARATOR)
SUGGESTIONS = 10


def admin_language() -> str:
    """The admin's language as the archive's names know it: "en" or "vi"."""
    return "en" if (get_language() or "").startswith("en") else "vi"


def name_for_admin(obj, lang: str | None = None) -> str:
    """A term's, monument's or artefact's name in the admin's language (else the other one's)."""
    from .models import ArtefactPage, MonumentPage, VocabularyTerm

    lang = lang or admin_language()
    if isinstance(obj, VocabularyTerm):
        return name_in(obj.name, obj.name_en, lang)
    if isinstance(obj, MonumentPage):
        return name_in(obj.name_vi, obj.name_en, lang) or obj.title
    if isinstance(obj, ArtefactPage):
        return name_in(obj.title_vi, obj.title_en, lang) or obj.title
    return str(obj)


class NameInAdminLanguageChoiceField(forms.ModelChoiceField):
    """A select (e.g. a listing's filter) whose options are names in the admin's language."""

    def label_from_instance(self, obj):
        return name_for_admin(obj)


# --- Choosers labelled when shown --------------------------------------------------------


def _ignore(self, value):
    """Wagtail's chooser __init__ assigns labels formatted once; these are formatted when read."""


def _choose_a_page(self) -> str:
    if self.model is None or len(getattr(self, "target_models", ())) != 1:
        return _("Choose a page")
    return f"{_('Choose a page')} ({capfirst(self.model._meta.verbose_name)})"


class PageChooserInAdminLanguage(AdminPageChooser):
    choose_one_text = property(_choose_a_page, _ignore)
    choose_another_text = property(lambda self: _("Choose another page"), _ignore)
    link_to_chosen_text = property(lambda self: _("Edit this page"), _ignore)

    def get_display_title(self, instance):
        return name_for_admin(instance.specific_deferred)


class SnippetChooserInAdminLanguage:
    """Mixed into a snippet's chooser widget class (its chooser viewset's widget_class)."""

    choose_one_text = property(lambda self: _("Choose %(object)s") % {"object": self._object_name}, _ignore)
    choose_another_text = property(lambda self: _("Choose another %(object)s") % {"object": self._object_name}, _ignore)
    link_to_chosen_text = property(lambda self: _("Edit this %(object)s") % {"object": self._object_name}, _ignore)

    @property
    def _object_name(self):
        return self.model_class._meta.verbose_name

    def get_display_title(self, instance):
        return name_for_admin(instance)


# --- Vocabulary terms as tags ---------------------------------------------------------------


def split_names(text: str) -> list[str]:
    """Names separated by semicolons (or line breaks), trimmed, unquoted, without repeats (compared folded)."""
    names, seen = [], set()
    for part in (text or "").replace("\n", SEPARATOR).split(SEPARATOR):
        name = " ".join(part.strip().strip('"').split())
        if name and fold(name) not in seen:
            seen.add(fold(name))
            names.append(name)
    return names


class VocabularyTermsWidget(forms.TextInput):
    """A text box of names separated by semicolons; with JavaScript, a tag input with suggestions."""

    template_name = "heritage/admin/widgets/vocabulary_terms.html"

    def __init__(self, model, attrs=None):
        super().__init__(attrs)
        self.model = model
        self.new_names: list[str] = []  # names waiting for the curator's confirmation, set by the field

    def format_value(self, value):
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        terms = [term for term in value if term is not None]
        if terms and not isinstance(terms[0], self.model):
            by_pk = self.model.objects.in_bulk([getattr(term, "pk", term) for term in terms])
            terms = [by_pk[pk] for pk in (getattr(term, "pk", term) for term in terms) if pk in by_pk]
        return f"{SEPARATOR} ".join(term.name if term.pk is None else name_for_admin(term) for term in terms)

    def get_context(self, name, value, attrs):
        from django.urls import reverse

        context = super().get_context(name, value, attrs)
        opts = self.model._meta
        context["widget"]["attrs"].update(
            {
                "data-controller": "heritage-terms",
                "data-heritage-terms-url-value": reverse("heritage_vocabulary_search", args=[opts.model_name]),
                "data-heritage-terms-delimiter-value": SEPARATOR,
                "autocomplete": "off",
            }
        )
        context["widget"]["confirm_name"] = f"{name}-add"
        context["widget"]["new_names_legend"] = _("New %(vocabulary)s") % {"vocabulary": opts.verbose_name_plural}
        context["widget"]["new_names"] = [
            {
                "key": fold(new),
                "label": _("Add “%(name)s” to the %(vocabulary)s")
                % {"name": new, "vocabulary": opts.verbose_name_plural},
            }
            for new in self.new_names
        ]
        return context

    @property
    def media(self):
        return forms.Media(js=[versioned_static("heritage/admin/vocabulary-terms.js")])


class VocabularyTermsField(forms.Field):
    """The terms of one vocabulary, typed by name (accents optional) in either language.

    Cleans to a list of terms; a confirmed new name is an unsaved term, created by the form's save().
    """

    def __init__(self, *, model, user=None, confirmed=(), **kwargs):
        self.model = model
        self.user = user
        self.confirmed = set(confirmed)  # folded names the curator ticked "add" for
        kwargs.setdefault("widget", VocabularyTermsWidget(model))
        kwargs.setdefault(
            "help_text",
            _("Type to find a term, with or without accents; separate several with semicolons."),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value

    def may_add(self) -> bool:
        opts = self.model._meta
        return bool(self.user) and self.user.has_perm(f"{opts.app_label}.add_{opts.model_name}")

    def clean(self, value):
        names = split_names(value if isinstance(value, str) else self.widget.format_value(value))
        if not names:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        terms = self.model.objects.all()
        by_key = {term.key: term for term in terms}
        by_english: dict[str, list] = {}
        for term in by_key.values():
            if term.name_en:
                by_english.setdefault(fold(term.name_en), []).append(term)
        chosen, new, errors = [], [], []
        for name in names:
            key = fold(name)
            if key in by_key:
                chosen.append(by_key[key])
            elif len(by_english.get(key, [])) == 1:
                chosen.append(by_english[key][0])
            elif by_english.get(key):
                errors.append(
                    _("“%(name)s” is the English name of several %(vocabulary)s (%(names)s): use the Vietnamese name.")
                    % {
                        "name": name,
                        "vocabulary": self.model._meta.verbose_name_plural,
                        "names": ", ".join(term.name for term in by_english[key]),
                    }
                )
            elif len(name) > 255:
                errors.append(_("“%(name)s…” is longer than 255 characters.") % {"name": name[:40]})
            else:
                new.append(name)
        chosen = list(dict.fromkeys(chosen))
        if errors:
            raise ValidationError(errors)
        unconfirmed = [name for name in new if fold(name) not in self.confirmed]
        if new and not self.may_add():
            raise ValidationError(
                ngettext(
                    "“%(names)s” is not among the %(vocabulary)s, and you may not add to them: "
                    "choose an existing term, or ask a curator to add it.",
                    "“%(names)s” are not among the %(vocabulary)s, and you may not add to them: "
                    "choose existing terms, or ask a curator to add them.",
                    len(new),
                )
                % {"names": "”, “".join(new), "vocabulary": self.model._meta.verbose_name_plural}
            )
        if unconfirmed:
            self.widget.new_names = unconfirmed
            raise ValidationError(
                ngettext(
                    "“%(names)s” is not among the %(vocabulary)s yet. To add it, tick the box below and save again.",
                    "“%(names)s” are not among the %(vocabulary)s yet. "
                    "To add them, tick the boxes below and save again.",
                    len(unconfirmed),
                )
                % {"names": "”, “".join(unconfirmed), "vocabulary": self.model._meta.verbose_name_plural},
                code="unconfirmed",
            )
        return chosen + [self.model(name=name) for name in new]

    def has_changed(self, initial, data):
        before = {fold(name) for name in split_names(self.widget.format_value(initial))}
        after = {fold(name) for name in split_names(data if isinstance(data, str) else "")}
        return before != after

    def save_new(self, terms: list) -> list:
        """The terms, with the confirmed new ones created (checked again: the form may be old)."""
        from .services import vocabulary_terms_ensure

        new = [term.name for term in terms if term.pk is None]
        if not new:
            return terms
        if not self.may_add():
            raise PermissionDenied
        created = {term.key: term for term in vocabulary_terms_ensure(self.model, new)}
        return [term if term.pk is not None else created[fold(term.name)] for term in terms]


class VocabularyTermsFormMixin:
    """For admin model forms: their vocabulary fields become VocabularyTermsFields of the form's user."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import VocabularyTerm

        getlist = getattr(self.data, "getlist", None)
        for name, field in list(self.fields.items()):
            if not isinstance(field, forms.ModelMultipleChoiceField):
                continue
            if not issubclass(field.queryset.model, VocabularyTerm):
                continue
            confirm = f"{self.add_prefix(name)}-add"
            confirmed = getlist(confirm) if getlist else ([self.data[confirm]] if confirm in self.data else [])
            self.fields[name] = VocabularyTermsField(
                model=field.queryset.model,
                user=getattr(self, "for_user", None),
                confirmed=confirmed if self.is_bound else (),
                required=field.required,
                label=field.label,
            )

    def save(self, commit=True):
        for name, field in self.fields.items():
            if isinstance(field, VocabularyTermsField) and name in self.cleaned_data:
                self.cleaned_data[name] = field.save_new(self.cleaned_data[name])
        return super().save(commit=commit)


class RestorationRecordForm(VocabularyTermsFormMixin, WagtailAdminModelForm):
    pass


class ArtefactPageForm(VocabularyTermsFormMixin, WagtailAdminPageForm):
    pass


def vocabulary_search(request, model_name: str):
    """Suggestions for a vocabulary field: [{"label", "value"}], names in the admin's language, accents optional."""
    from .models import Material, Partner, Technique

    models = {model._meta.model_name: model for model in (Technique, Material, Partner)}
    model = models.get(model_name)
    if model is None:
        # 400, not 404: the locale middleware answers an admin 404 with a redirect to /vi/admin/….
        return JsonResponse({"error": _("There is no such vocabulary.")}, status=400)
    opts = model._meta
    if not any(request.user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}") for action in ("view", "add")):
        # Answered here: Wagtail turns a raised PermissionDenied into a redirect to the dashboard.
        return JsonResponse({"error": _("You may not see this vocabulary.")}, status=403)
    query = fold(request.GET.get("term", ""))[:255]
    if not query:
        return JsonResponse([], safe=False)
    lang = admin_language()
    found = []
    for term in model.objects.all():
        folded = (term.key, fold(term.name_en))
        if any(query in name for name in folded):
            starts = any(name.startswith(query) for name in folded)
            found.append((not starts, term.name_sort_en if lang == "en" else term.name_sort_vi, term))
    found.sort(key=lambda item: item[:2])
    suggestions = []
    for _rank, _key, term in found[:SUGGESTIONS]:
        shown = name_for_admin(term, lang)
        other = term.name if shown != term.name else term.name_en
        label = f"{shown} ({other})" if other and other != shown else shown
        suggestions.append({"label": label, "value": shown})
    return JsonResponse(suggestions, safe=False)
