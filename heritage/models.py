"""The archive: monuments, artefacts, their images and documents, and restoration records."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PublishingPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from . import visibility
from .choosers import ArtefactPageForm, RestorationRecordForm
from .collation import SortKeyField, sort_key
from .labels import name_in
from .partial_dates import PartialDateField, earliest_day, latest_day
from .renditions import renditions_prefetch
from .routing import route_down
from .text import fold
from .visibility import Visibility


class Licence(models.TextChoices):
    CC_BY = "CC-BY-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_SA = "CC-BY-SA-4.0", _("Creative Commons Attribution-ShareAlike 4.0")
    CC0 = "CC0-1.0", _("Public domain dedication (CC0 1.0)")
    PUBLIC_DOMAIN = "public-domain", _("Public domain")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")
    PLACEHOLDER = "placeholder", _("Generated placeholder (no rights)")


class Condition(models.TextChoices):
    EXCELLENT = "excellent", _("Excellent")
    GOOD = "good", _("Good")
    FAIR = "fair", _("Fair")
    POOR = "poor", _("Poor")
    UNSTABLE = "unstable", _("Unstable")


# --- Images and documents ------------------------------------------------------------


class HeritageImage(AbstractImage):
    """Wagtail's image with the provenance and rights an archive must keep."""

    creator = models.CharField(_("creator"), max_length=255, blank=True)
    capture_date = PartialDateField(_("capture date"), blank=True)
    licence = models.CharField(
        _("licence"), max_length=32, choices=Licence.choices, default=Licence.ALL_RIGHTS_RESERVED
    )
    credit_line = models.CharField(_("credit line"), max_length=255, blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)
    is_panorama = models.BooleanField(
        _("360° panorama"),
        default=False,
        help_text=_("An equirectangular panorama: exactly twice as wide as it is tall."),
    )
    # Whether the image's objects in the S3 media storage (original and renditions) were last
    # made public-read by heritage.file_acls, which keeps it: the visibility rule's answer for
    # the public, kept so that pages can choose between public and signed URLs without asking.
    public_files = models.BooleanField(default=False, editable=False)

    admin_form_fields = Image.admin_form_fields + (
        "creator",
        "capture_date",
        "licence",
        "credit_line",
        "source",
        "is_panorama",
    )

    search_fields = AbstractImage.search_fields + [
        index.SearchField("creator"),
        index.SearchField("credit_line"),
        index.FilterField("is_panorama"),
        index.FilterField("licence"),
    ]

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def clean(self):
        super().clean()
        if self.is_panorama and self.width and self.height and self.width != 2 * self.height:
            raise ValidationError(
                {
                    "is_panorama": _(
                        "A 360° panorama must be exactly twice as wide as it is tall "
                        "(this image is %(width)s×%(height)s)."
                    )
                    % {"width": self.width, "height": self.height}
                }
            )

    @property
    def attribution(self) -> str:
        parts = [self.credit_line or self.creator, self.get_licence_display()]
        return " · ".join(str(p) for p in parts if p)

    # New renditions get the ACL of their image (heritage.file_acls). Wagtail makes one through
    # create_rendition(), several at once through create_renditions() (bulk_create: no signals).
    def create_rendition(self, filter):
        from .file_acls import renditions_made

        rendition = super().create_rendition(filter)
        renditions_made(self, [rendition])
        return rendition

    def create_renditions(self, *filters):
        from .file_acls import renditions_made

        made = super().create_renditions(*filters)
        if len(filters) > 1:  # a single one went through create_rendition()
            renditions_made(self, made.values())
        return made


class HeritageRendition(AbstractRendition):
    image = models.ForeignKey(HeritageImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    @property
    def url(self):
        """On S3: the plain, cacheable URL of a public image's rendition; otherwise the site's
        URL for the file, which checks the visibility rule (heritage.files.serve_media)."""
        from .files import file_url

        return file_url(self.file, public=self.image.public_files)


def _saving_too(kwargs: dict, derived: str, sources: set[str]) -> None:
    """A save limited to some fields writes `derived` too when it is derived from one of them."""
    fields = kwargs.get("update_fields")
    if fields is not None and sources.intersection(fields):
        kwargs["update_fields"] = {*fields, derived}


# --- Managed vocabularies ----------------------------------------------------------


class VocabularyTerm(index.Indexed, models.Model):
    """A controlled term. `key` is the folded name, so "Sơn mài" and "son mai" are one term.

    Lists sort by the name in the reader's language (heritage.collation); where the database
    sorts, by the stored keys `name_sort_vi` and `name_sort_en` (the English name, else the Vietnamese).
    """

    name = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    key = models.CharField(max_length=255, unique=True, editable=False)
    description = models.TextField(_("description"), blank=True)
    name_sort_vi = SortKeyField()
    name_sort_en = SortKeyField()

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("name_en"),
        # The admin listing sorts by these while it searches (heritage.wagtail_hooks).
        index.FilterField("name_sort_vi"),
        index.FilterField("name_sort_en"),
    ]

    class Meta:
        abstract = True
        ordering = ["name_sort_vi"]

    def __str__(self):
        return f"{self.name} ({self.name_en})" if self.name_en else self.name

    def clean(self):
        super().clean()
        self.name = " ".join((self.name or "").split())
        self.key = fold(self.name)
        if not self.key:
            raise ValidationError({"name": _("A term needs a name.")})
        clash = type(self).objects.filter(key=self.key).exclude(pk=self.pk).first()
        if clash:
            raise ValidationError(
                {"name": _("“%(name)s” already exists as “%(other)s”.") % {"name": self.name, "other": clash.name}}
            )

    def set_derived(self) -> None:
        """The folded key and the sort keys, from the names (bulk writes call this too)."""
        self.key = fold(self.name)
        self.name_sort_vi = sort_key(self.name, "vi")
        self.name_sort_en = sort_key(self.name_en or self.name, "en")

    def save(self, *args, **kwargs):
        self.set_derived()
        for derived in ("key", "name_sort_vi", "name_sort_en"):
            _saving_too(kwargs, derived, {"name", "name_en"})
        super().save(*args, **kwargs)


class Technique(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("technique")
        verbose_name_plural = _("techniques")


class Material(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")


class Partner(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class RestorationProject(index.Indexed, models.Model):
    """A programme that groups several records (e.g. the Thái Hòa restoration 2021-2024).

    Bilingual fields, like a record's (docs/translation.md). Lists sort by the name in the reader's
    language: by the stored keys `name_sort` (Vietnamese) and `name_sort_en` (the English name,
    else the Vietnamese), as VocabularyTerm does.
    """

    name = models.CharField(_("name (Vietnamese)"), max_length=255, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    description = models.TextField(_("description (Vietnamese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    name_sort = SortKeyField()
    name_sort_en = SortKeyField()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")], heading=_("Name")),
        FieldRowPanel([FieldPanel("description"), FieldPanel("description_en")], heading=_("Description")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("name_en"),
        index.FilterField("name_sort"),
        index.FilterField("name_sort_en"),
    ]

    class Meta:
        ordering = ["name_sort"]
        verbose_name = _("restoration project")
        verbose_name_plural = _("restoration projects")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_sort = sort_key(self.name, "vi")
        self.name_sort_en = sort_key(self.name_en or self.name, "en")
        _saving_too(kwargs, "name_sort", {"name"})
        _saving_too(kwargs, "name_sort_en", {"name", "name_en"})
        super().save(*args, **kwargs)


# --- Pages -------------------------------------------------------------------------


HOME_MONUMENTS = 12  # monuments on the home page, featured or, when none is, the first by name


class SitePage(Page):
    """What every page type of the site shares."""

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Wagtail's route, reading the pages on the way down in one query (heritage.routing)."""
        if not path_components:
            return super().route(request, path_components)
        return route_down(self, request, path_components)

    def get_view_restrictions(self):
        """Wagtail's view restrictions over this page and its ancestors, read once per page object:
        Wagtail checks them before serving, then the page's head tags ask whether there are any
        (heritage.seo), and the second asking reads what the first read. A routed page has them
        already, from the way down (heritage.routing)."""
        if "_view_restrictions" not in self.__dict__:
            self._view_restrictions = super().get_view_restrictions()
        return self._view_restrictions


class HomePage(SitePage):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "featured_monuments",
            heading=_("Featured monuments"),
            label=_("Featured monument"),
            max_num=HOME_MONUMENTS,
            help_text=_(
                "The monuments the home page shows, in this order. With none, it shows the first twelve by name."
            ),
        ),
    ]
    subpage_types = ["heritage.MonumentIndexPage", "heritage.ArtefactIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    # wagtail-localize (heritage/translation.py): the featured monuments are a fact of every
    # language's home page; the title and introduction are translated.
    override_translatable_fields = [
        SynchronizedField("featured_monuments", overridable=False),
        TranslatableField("intro"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import home_monuments, mapped_monuments

        context = super().get_context(request, *args, **kwargs)
        context["monuments"] = home_monuments(self)
        context["mapped_monuments"] = mapped_monuments(self)
        return context


def _locale_language(page: Page) -> str:
    """The language code of the page's locale (set to the default one first when missing, as Wagtail would)."""
    if page.locale_id is None:
        page.locale = page.get_default_locale()
    return page.locale.language_code


def _visitor(request):
    """The request's user; anonymous for requests built without authentication (e.g. dummy requests)."""
    from django.contrib.auth.models import AnonymousUser

    return getattr(request, "user", None) or AnonymousUser()


def _items_localized(page, relation: str) -> None:
    """Give the page's unsaved child items (gallery pictures) the page's locale, as wagtail-localize
    needs translatable items to have; items created by code rarely say it."""
    items = getattr(page, "_cluster_related_objects", {}).get(relation) or []
    for item in items:
        if item.locale_id is None:
            item.locale_id = page.locale_id


class LocalizedItem(TranslatableMixin):
    """A translatable child item (heritage.translation) whose locale defaults to its page's."""

    def save(self, *args, **kwargs):
        if self.locale_id is None and self.page_id:
            self.locale_id = Page.objects.filter(pk=self.page_id).values_list("locale_id", flat=True).first()
        return super().save(*args, **kwargs)

    class Meta(TranslatableMixin.Meta):
        abstract = True


class MonumentCategory(models.TextChoices):
    CITADEL = "citadel", _("Citadel and walls")
    GATE = "gate", _("Gate")
    PALACE = "palace", _("Palace")
    TEMPLE = "temple", _("Temple")
    PAVILION = "pavilion", _("Pavilion")
    THEATRE = "theatre", _("Theatre")
    PAGODA = "pagoda", _("Pagoda")
    TOMB = "tomb", _("Royal tomb")
    RESIDENCE = "residence", _("Residence")
    OBJECT = "object", _("Monumental object")
    GARDEN = "garden", _("Garden")


class MonumentIndexPage(SitePage):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["heritage.MonumentPage"]
    parent_page_types = ["heritage.HomePage"]
    max_count_per_parent = 1
    override_translatable_fields = [SynchronizedField("slug", overridable=False), TranslatableField("intro")]

    class Meta:
        verbose_name = _("monuments index")

    def monuments(self):
        return MonumentPage.objects.child_of(self).live().public().specific().order_by("name_sort", "pk")

    def get_context(self, request, *args, **kwargs):
        """The monuments, filtered by `?category=<value>`; an unknown value is flagged for serve()."""
        context = super().get_context(request, *args, **kwargs)
        category = request.GET.get("category", "")
        present = set(self.monuments().values_list("category", flat=True))
        context["categories"] = [(value, label) for value, label in MonumentCategory.choices if value in present]
        context["category"] = category
        context["category_invalid"] = bool(category) and category not in MonumentCategory.values
        monuments = self.monuments().filter(locale=self.locale)
        if context["category_invalid"]:
            monuments = monuments.none()
        elif category:
            monuments = monuments.filter(category=category)
        context["monuments"] = monuments
        return context

    def serve(self, request, *args, **kwargs):
        # A mistyped filter is the visitor's error: say so (400), don't list everything or fail (500).
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", None) and response.context_data.get("category_invalid"):
            response.status_code = 400
        return response


class MonumentPage(SitePage):
    """A monument. Both names are fields so every locale can show and search both."""

    name_vi = models.CharField(_("Vietnamese name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255)
    other_names = models.TextField(
        _("other names"),
        blank=True,
        help_text=_(
            "One per line: historical names, Hán-Nôm, transliterations. A name is read as Vietnamese; "
            "start the line with “en:” for a name in English."
        ),
    )
    category = models.CharField(_("category"), max_length=32, choices=MonumentCategory.choices)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    construction_start = PartialDateField(_("construction began"), blank=True)
    construction_end = PartialDateField(_("construction completed"), blank=True)
    reign = models.CharField(_("reign"), max_length=255, blank=True, help_text=_("E.g. Gia Long, Minh Mạng."))
    construction_notes = models.TextField(_("construction history"), blank=True)
    unesco_component = models.BooleanField(_("component of the UNESCO World Heritage property"), default=True)
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(
        [
            ("paragraph", blocks.RichTextBlock(label=_("Paragraph"))),
            ("image", ImageBlock(label=_("Image"))),
        ],
        blank=True,
        verbose_name=_("body"),
    )
    current_condition = models.CharField(_("current condition"), max_length=16, choices=Condition.choices, blank=True)
    condition_notes = models.TextField(_("condition notes"), blank=True)
    # The name in the page's language as heritage.collation sorts it: lists of monuments sort by it.
    name_sort = SortKeyField()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("name_vi"), FieldPanel("name_en")]), FieldPanel("other_names")],
            heading=_("Names"),
        ),
        FieldPanel("category"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Location")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("construction_start"), FieldPanel("construction_end")]),
                FieldPanel("reign"),
                FieldPanel("construction_notes"),
                FieldPanel("unesco_component"),
            ],
            heading=_("History"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("gallery_images", label=_("Gallery")),
        MultiFieldPanel([FieldPanel("current_condition"), FieldPanel("condition_notes")], heading=_("Condition")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("name_vi", boost=3),
        index.SearchField("name_en", boost=3),
        index.SearchField("other_names", boost=2),
        index.AutocompleteField("name_vi"),
        index.AutocompleteField("name_en"),
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("category"),
        index.FilterField("unesco_component"),
    ]

    parent_page_types = ["heritage.MonumentIndexPage"]
    subpage_types = []

    # wagtail-localize (heritage/translation.py, docs/translation.md). Facts: one value in every
    # language, edited on the original (Vietnamese) page only and copied to every translation when
    # it is published. Named, because wagtail-localize would offer PartialDateField (a CharField)
    # and the names for translation. Text: translated in wagtail-localize's editor or PO files.
    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("name_vi", overridable=False),
        SynchronizedField("name_en", overridable=False),
        SynchronizedField("other_names", overridable=False),
        SynchronizedField("category", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("construction_start", overridable=False),
        SynchronizedField("construction_end", overridable=False),
        SynchronizedField("reign", overridable=False),
        SynchronizedField("unesco_component", overridable=False),
        SynchronizedField("current_condition", overridable=False),
        TranslatableField("intro"),
        TranslatableField("construction_notes"),
        TranslatableField("condition_notes"),
        TranslatableField("body"),
        TranslatableField("gallery_images"),
    ]

    class Meta:
        verbose_name = _("monument")
        verbose_name_plural = _("monuments")

    def clean(self):
        super().clean()
        if (
            self.construction_start
            and self.construction_end
            and _valid_partial(self.construction_start)
            and _valid_partial(self.construction_end)
            and latest_day(self.construction_end) < earliest_day(self.construction_start)
        ):
            raise ValidationError({"construction_end": _("Construction cannot end before it began.")})

    def save(self, *args, **kwargs):
        lang = _locale_language(self)
        self.name_sort = sort_key(name_in(self.name_vi, self.name_en, lang) or self.title, lang)
        _saving_too(kwargs, "name_sort", {"name_vi", "name_en", "title", "locale"})
        _items_localized(self, "gallery_images")
        return super().save(*args, **kwargs)

    @cached_property
    def other_names_texts(self) -> list:
        """The other names, each a labels.Text in its language: Vietnamese, or English for a line
        that starts with "en:" (names in Chinese characters get their own lang through mark_han)."""
        from .labels import Text

        texts = []
        for line in self.other_names.splitlines():
            code, sep, rest = line.strip().partition(":")
            if sep and code.strip().lower() in ("en", "vi") and rest.strip():
                texts.append(Text(rest.strip(), code.strip().lower()))
            elif line.strip():
                texts.append(Text(line.strip(), "vi"))
        return texts

    @cached_property
    def other_names_list(self) -> list[str]:
        return [text.text for text in self.other_names_texts]

    def get_context(self, request, *args, **kwargs):
        """The page, with a bounded summary of the restoration records the visitor may see.

        However many records the monument holds: counts and decades counted by the database, the
        latest and the major works, and links into the whole timeline and the restorers' search.
        """
        from .links import restorations_search_url
        from .selectors import monument_records, records_summary

        context = super().get_context(request, *args, **kwargs)
        summary = records_summary(monument_records(self, user=_visitor(request)))
        context["records_summary"] = summary
        context["decades"] = [
            {
                "label": str(decade.start),
                "count": decade.count,
                "url": restorations_search_url(self.slug, **{"from": decade.start, "to": decade.start + 9}),
            }
            for decade in summary.decades
        ]
        context["timeline_url"] = reverse("monument_timeline", kwargs={"monument": self.slug})
        context["records_search_url"] = restorations_search_url(self.slug)
        context["gallery"] = self.gallery_images.select_related("image").prefetch_related(
            renditions_prefetch("image__renditions", "gallery")
        )
        context["artefacts"] = (
            ArtefactPage.objects.live()
            .public()
            .filter(location__translation_key=self.translation_key, locale=self.locale)
            .order_by("name_sort", "accession_number")
        )
        return context


class MonumentGalleryImage(LocalizedItem, Orderable):
    """A picture of a monument. Translatable so that wagtail-localize offers its caption for
    translation; the image is a fact (the same item in every language shares a translation_key)."""

    page = ParentalKey(MonumentPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(HeritageImage, on_delete=models.CASCADE, related_name="+", verbose_name=_("image"))
    caption = models.CharField(_("caption"), max_length=500, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
    override_translatable_fields = [SynchronizedField("image", overridable=False), TranslatableField("caption")]

    class Meta(LocalizedItem.Meta, Orderable.Meta):
        pass


class FeaturedMonument(Orderable):
    """A monument the curators show on the home page, in their order.

    Each home page shows its own locale's translation of the monument (heritage.selectors.home_monuments),
    so a list copied to a translated home page still shows pages in that page's language.
    """

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_monuments")
    monument = models.ForeignKey(MonumentPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("monument"))

    panels = [FieldPanel("monument")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured monument")
        verbose_name_plural = _("featured monuments")


class ArtefactIndexPage(SitePage):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["heritage.ArtefactPage"]
    parent_page_types = ["heritage.HomePage"]
    max_count_per_parent = 1
    override_translatable_fields = [SynchronizedField("slug", overridable=False), TranslatableField("intro")]

    class Meta:
        verbose_name = _("artefacts index")

    def get_context(self, request, *args, **kwargs):
        """A page of live, public artefacts with their first image's thumbnail, in a fixed number of queries."""
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        artefacts = (
            ArtefactPage.objects.child_of(self)
            .live()
            .public()
            .filter(locale=self.locale)
            .select_related("location")
            .prefetch_related(
                models.Prefetch("images", queryset=ArtefactImage.objects.select_related("image")),
                renditions_prefetch("images__image__renditions", "card_thumbnail"),
            )
            .order_by("name_sort", "accession_number")
        )
        context["artefacts"] = Paginator(artefacts, 24).get_page(request.GET.get("page"))
        return context


class ArtefactPage(SitePage):
    # Unique per locale (checked in clean()): a translation carries its original's number,
    # and a database constraint cannot span the inherited locale column.
    accession_number = models.CharField(_("accession number"), max_length=64, db_index=True)
    title_vi = models.CharField(_("Vietnamese title"), max_length=255, blank=True)
    title_en = models.CharField(_("English title"), max_length=255, blank=True)
    object_type = models.CharField(_("object type"), max_length=128)
    materials = ParentalManyToManyField(Material, blank=True, related_name="artefacts", verbose_name=_("materials"))
    dimensions = models.CharField(_("dimensions"), max_length=255, blank=True)
    date = PartialDateField(_("date"), blank=True)
    period = models.CharField(
        _("period"), max_length=255, blank=True, help_text=_("When no date is known: a reign or era.")
    )
    provenance = models.TextField(_("provenance"), blank=True)
    location = models.ForeignKey(
        MonumentPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("current location"),
    )
    description = models.TextField(_("description"), blank=True)
    # The title in the page's language as heritage.collation sorts it: lists of artefacts sort by it.
    name_sort = SortKeyField()

    base_form_class = ArtefactPageForm  # materials as tags (heritage.choosers)

    content_panels = Page.content_panels + [
        FieldPanel("accession_number"),
        FieldRowPanel([FieldPanel("title_vi"), FieldPanel("title_en")]),
        FieldPanel("object_type"),
        FieldPanel("materials"),
        FieldPanel("dimensions"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("period")]),
        FieldPanel("provenance"),
        FieldPanel("location"),
        FieldPanel("description"),
        InlinePanel("images", label=_("Images")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("accession_number", boost=3),
        index.SearchField("title_vi", boost=2),
        index.SearchField("title_en", boost=2),
        index.SearchField("object_type"),
        index.SearchField("provenance"),
        index.SearchField("description"),
        index.FilterField("object_type"),
    ]

    parent_page_types = ["heritage.ArtefactIndexPage"]
    subpage_types = []

    # wagtail-localize, as MonumentPage's. The object type and the period are words ("Đỉnh đồng",
    # "Minh Mạng (đúc 1835–1837)"), so translated; the materials are vocabulary terms that carry
    # both names, so a fact (wagtail-localize leaves many-to-many fields out unless named).
    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("accession_number", overridable=False),
        SynchronizedField("title_vi", overridable=False),
        SynchronizedField("title_en", overridable=False),
        SynchronizedField("materials", overridable=False),
        SynchronizedField("date", overridable=False),
        # A link: the original's, to the monument's page in the translation's language when there
        # is one (heritage.translation; wagtail-localize's own related-object segment wants a Page).
        SynchronizedField("location", overridable=False),
        TranslatableField("object_type"),
        TranslatableField("dimensions"),
        TranslatableField("period"),
        TranslatableField("provenance"),
        TranslatableField("description"),
        TranslatableField("images"),
    ]

    class Meta:
        verbose_name = _("artefact")
        verbose_name_plural = _("artefacts")

    def clean(self):
        super().clean()
        clash = (
            ArtefactPage.objects.filter(accession_number=self.accession_number, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exists()
        )
        if clash:
            raise ValidationError({"accession_number": _("Another artefact has this accession number.")})

    def save(self, *args, **kwargs):
        lang = _locale_language(self)
        self.name_sort = sort_key(name_in(self.title_vi, self.title_en, lang) or self.title, lang)
        _saving_too(kwargs, "name_sort", {"title_vi", "title_en", "title", "locale"})
        _items_localized(self, "images")
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        """The page, with one page (`?page=`) of the restoration records the visitor may see."""
        from .selectors import NoSuchPage, artefact_records, timeline_page

        context = super().get_context(request, *args, **kwargs)
        try:
            records = artefact_records(self, user=_visitor(request))
            context["records_page"] = timeline_page(records, request.GET.get("page"))
        except NoSuchPage:
            context["records_page"] = None
            context["records_page_missing"] = True
        context["artefact_images"] = self.images.select_related("image").prefetch_related(
            renditions_prefetch("image__renditions", "gallery")
        )
        return context

    def serve(self, request, *args, **kwargs):
        # A page of records beyond the last one: say so with the page (404), not an empty list.
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", None) and response.context_data.get("records_page_missing"):
            response.status_code = 404
        return response


class ArtefactImage(LocalizedItem, Orderable):
    """A picture of an artefact, translatable as MonumentGalleryImage is."""

    page = ParentalKey(ArtefactPage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(HeritageImage, on_delete=models.CASCADE, related_name="+", verbose_name=_("image"))
    caption = models.CharField(_("caption"), max_length=500, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
    override_translatable_fields = [SynchronizedField("image", overridable=False), TranslatableField("caption")]

    class Meta(LocalizedItem.Meta, Orderable.Meta):
        pass


# --- Restoration records -----------------------------------------------------------


class RecordType(models.TextChoices):
    CONDITION_CHECK = "condition_check", _("Condition check")
    TREATMENT = "treatment", _("Treatment")
    PREVENTIVE = "preventive", _("Preventive conservation")
    ANALYSIS = "analysis", _("Analysis")
    EMERGENCY = "emergency", _("Emergency intervention")


class RestorationRecordQuerySet(models.QuerySet):
    def public(self):
        """What anonymous visitors may see."""
        return self.filter(**visibility.PUBLIC_CONDITIONS)

    def visible_to(self, user):
        return self.filter(**visibility.record_conditions(user))

    def for_timeline(self):
        """Oldest first, with all a timeline entry shows prefetched (image renditions included),
        so that a page costs the same number of queries with 5 records or 500."""
        return (
            self.select_related("project")
            .prefetch_related(
                "techniques",
                "materials",
                "partners",
                models.Prefetch("images", queryset=RestorationImage.objects.select_related("image")),
                renditions_prefetch("images__image__renditions", "record_figure"),
            )
            .order_by("start_earliest", "reference")
        )


def _valid_partial(value: str) -> bool:
    try:
        earliest_day(value)
    except ValidationError:
        return False
    return True


class RestorationRecord(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """One intervention on a monument (or on an artefact kept there).

    Not a page: restorers reach records through search and timelines, not the page tree,
    but records still need drafts, revisions and moderation, hence the Wagtail mixins.
    """

    reference = models.CharField(
        _("reference"), max_length=64, unique=True, help_text=_("A stable identifier, e.g. HUE-NM-1991-01.")
    )
    # Texts a reader reads are kept in both languages (`…_en` beside the Vietnamese): one record,
    # one workflow, one index document searched in both (docs/translation.md). heritage.labels.text_in
    # picks what a page shows.
    title = models.CharField(_("title (Vietnamese)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    monument = models.ForeignKey(
        MonumentPage, on_delete=models.PROTECT, related_name="restoration_records", verbose_name=_("monument")
    )
    artefact = models.ForeignKey(
        ArtefactPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="restoration_records",
        verbose_name=_("artefact"),
    )
    component = models.CharField(
        _("component (Vietnamese)"), max_length=128, blank=True, help_text=_("Roof, columns, murals…")
    )
    component_en = models.CharField(_("component (English)"), max_length=128, blank=True)
    record_type = models.CharField(_("record type"), max_length=32, choices=RecordType.choices)
    project = models.ForeignKey(
        RestorationProject,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="records",
        verbose_name=_("project"),
    )
    start = PartialDateField(_("start"))
    end = PartialDateField(_("end"), blank=True, help_text=_("Empty while the work is ongoing."))
    # Derived from start/end for filtering and sorting; never shown.
    start_earliest = models.DateField(editable=False, null=True, db_index=True)
    end_latest = models.DateField(editable=False, null=True)
    techniques = ParentalManyToManyField(Technique, blank=True, related_name="records", verbose_name=_("techniques"))
    materials = ParentalManyToManyField(Material, blank=True, related_name="records", verbose_name=_("materials"))
    partners = ParentalManyToManyField(Partner, blank=True, related_name="records", verbose_name=_("partners"))
    funder = models.CharField(_("funder (Vietnamese)"), max_length=255, blank=True)
    funder_en = models.CharField(_("funder (English)"), max_length=255, blank=True)
    budget = models.DecimalField(
        _("budget"), max_digits=16, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code: VND, USD, JPY, EUR…")
    )
    condition_before = models.CharField(_("condition before"), max_length=16, choices=Condition.choices, blank=True)
    condition_after = models.CharField(_("condition after"), max_length=16, choices=Condition.choices, blank=True)
    summary = models.TextField(_("summary (Vietnamese)"))
    summary_en = models.TextField(_("summary (English)"), blank=True)
    method = RichTextField(_("method (Vietnamese)"), blank=True)
    method_en = RichTextField(_("method (English)"), blank=True)
    sources = models.TextField(
        _("sources and certainty"),
        blank=True,
        help_text=_(
            "One source per line. Start a line with “UNCERTAIN:” for what is not certain, and with [en] "
            "or [vi] when it is written in English or Vietnamese (unmarked lines are Vietnamese)."
        ),
    )
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.INTERNAL
    )

    objects = RestorationRecordQuerySet.as_manager()

    base_form_class = RestorationRecordForm  # techniques, materials, partners as tags (heritage.choosers)
    panels = [
        FieldPanel("reference"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_en")], heading=_("Title")),
        FieldRowPanel([FieldPanel("monument"), FieldPanel("artefact")]),
        FieldPanel("record_type"),
        FieldRowPanel([FieldPanel("component"), FieldPanel("component_en")], heading=_("Component")),
        FieldPanel("project"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Dates")),
        FieldPanel("techniques"),
        FieldPanel("materials"),
        FieldPanel("partners"),
        FieldRowPanel([FieldPanel("funder"), FieldPanel("funder_en")], heading=_("Funder")),
        FieldRowPanel([FieldPanel("budget"), FieldPanel("currency")], heading=_("Funding")),
        FieldRowPanel([FieldPanel("condition_before"), FieldPanel("condition_after")], heading=_("Condition")),
        FieldRowPanel([FieldPanel("summary"), FieldPanel("summary_en")], heading=_("Summary")),
        FieldRowPanel([FieldPanel("method"), FieldPanel("method_en")], heading=_("Method")),
        FieldPanel("sources"),
        InlinePanel("images", label=_("Images")),
        InlinePanel("documents", label=_("Documents")),
        FieldPanel("visibility"),
        PublishingPanel(),
    ]

    search_fields = [
        index.SearchField("reference", boost=3),
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("title_en", boost=2),
        index.AutocompleteField("title_en"),
        index.SearchField("summary"),
        index.SearchField("summary_en"),
        index.SearchField("component"),
        index.SearchField("component_en"),
        index.FilterField("record_type"),
        index.FilterField("visibility"),
        index.FilterField("monument"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["start_earliest", "reference"]
        verbose_name = _("restoration record")
        verbose_name_plural = _("restoration records")
        permissions = [("view_internal_restorationrecord", _("Can view internal restoration records"))]

    def __str__(self):
        return f"{self.reference}: {self.title}"

    def clean(self):
        super().clean()
        errors = {}
        self.currency = (self.currency or "").strip().upper()
        if self.currency and (len(self.currency) != 3 or not self.currency.isalpha()):
            errors["currency"] = _("Use a three-letter ISO 4217 code such as VND or USD.")
        if self.budget is not None and not self.currency:
            errors["currency"] = _("A budget needs its currency.")
        if self.start and self.end and _valid_partial(self.start) and _valid_partial(self.end):
            if latest_day(self.end) < earliest_day(self.start):
                errors["end"] = _("The end (%(end)s) is before the start (%(start)s).") % {
                    "end": self.end,
                    "start": self.start,
                }
        if self.artefact_id and self.monument_id:
            location = ArtefactPage.objects.filter(pk=self.artefact_id).values_list("location_id", flat=True).first()
            if location and location != self.monument_id:
                errors["artefact"] = _("This artefact is kept at another monument.")
        if errors:
            raise ValidationError(errors)

    def set_date_bounds(self):
        self.start_earliest = earliest_day(self.start) if _valid_partial(self.start) else None
        self.end_latest = latest_day(self.end) if self.end and _valid_partial(self.end) else None

    def save(self, *args, **kwargs):
        self.set_date_bounds()
        super().save(*args, **kwargs)

    @property
    def is_ongoing(self) -> bool:
        return not self.end

    def images_by_phase(self, phase: str):
        return [item for item in self.images.all() if item.phase == phase]


class ImagePhase(models.TextChoices):
    BEFORE = "before", _("Before")
    DURING = "during", _("During")
    AFTER = "after", _("After")


class RestorationImage(Orderable):
    record = ParentalKey(RestorationRecord, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(HeritageImage, on_delete=models.CASCADE, related_name="+", verbose_name=_("image"))
    phase = models.CharField(_("phase"), max_length=16, choices=ImagePhase.choices)
    caption = models.CharField(_("caption (Vietnamese)"), max_length=500, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=500, blank=True)

    panels = [
        FieldPanel("image"),
        FieldPanel("phase"),
        FieldRowPanel([FieldPanel("caption"), FieldPanel("caption_en")], heading=_("Caption")),
    ]


class RestorationDocument(Orderable):
    record = ParentalKey(RestorationRecord, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    caption = models.CharField(_("caption (Vietnamese)"), max_length=500, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=500, blank=True)

    panels = [
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("caption"), FieldPanel("caption_en")], heading=_("Caption")),
    ]


# --- Translation ---------------------------------------------------------------------


class PendingTranslationSync(models.Model):
    """An original page whose translations did not follow its last publication (heritage.translation).

    Written when the sync after a publication fails; removed once `heritage.translation.retry_pending()`
    (`manage.py translations retry`, the worker) has synced the page's current state. Not a foreign
    key: the page may have been deleted meanwhile.
    """

    page_id = models.BigIntegerField(_("page id"), unique=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["page_id"]
        verbose_name = _("pending translation sync")
        verbose_name_plural = _("pending translation syncs")

    def __str__(self):
        return f"page {self.page_id} ({self.attempts} attempts)"
