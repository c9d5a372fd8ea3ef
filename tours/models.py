"""Virtual tours: a route of stops at the archive's monuments, with 360° panoramas and hotspots (docs/tours.md).

Tours use the archive (heritage); the archive knows nothing of tours. Every model here is
translated with wagtail-localize as the archive's pages are: facts (the monuments, images,
panoramas, angles, durations) are synchronised fields, text is translated.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from heritage import page_cache
from heritage.models import LocalizedItem, SitePage

from .panels import HotspotPlacementPanel

# A panorama is an equirectangular image: twice as wide as high. A pixel of rounding is allowed.
PANORAMA_RATIO_TOLERANCE = 1


def yaw_field(verbose_name):
    return models.DecimalField(
        verbose_name,
        max_digits=6,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Degrees from the panorama's centre, -180 (left) to 180 (right)."),
    )


def pitch_field(verbose_name):
    return models.DecimalField(
        verbose_name,
        max_digits=5,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Degrees above (positive) or below (negative) the horizon, -90 to 90."),
    )


def panorama_image_check(image) -> None:
    """Refuse an image that is not a 2:1 equirectangular panorama, saying its size."""
    if image is None:
        return
    if abs(image.width - 2 * image.height) > PANORAMA_RATIO_TOLERANCE:
        raise ValidationError(
            _(
                "A panorama must be an equirectangular image twice as wide as it is high (2:1); "
                "“%(title)s” is %(width)s × %(height)s pixels."
            )
            % {"title": image.title, "width": image.width, "height": image.height}
        )


# --- Panoramas ---------------------------------------------------------------------------


class Panorama(TranslatableMixin, index.Indexed, ClusterableModel):
    """A 360° scene: an equirectangular image from the image library, where it opens, and its hotspots."""

    title = models.CharField(_("title"), max_length=255)
    image = models.ForeignKey(
        "heritage.HeritageImage", verbose_name=_("image"), on_delete=models.PROTECT, related_name="+"
    )
    initial_yaw = yaw_field(_("initial yaw"))
    initial_pitch = pitch_field(_("initial pitch"))
    initial_zoom = models.PositiveSmallIntegerField(
        _("initial zoom"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("0 (widest view) to 100 (closest)."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("image"),
        HotspotPlacementPanel(heading=_("Place by clicking")),
        FieldRowPanel(
            [FieldPanel("initial_yaw"), FieldPanel("initial_pitch"), FieldPanel("initial_zoom")],
            heading=_("Initial view"),
        ),
        InlinePanel("hotspots", heading=_("Hotspots"), label=_("Hotspot")),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title"), index.FilterField("locale")]
    override_translatable_fields = [
        SynchronizedField("image", overridable=False),
        SynchronizedField("initial_yaw", overridable=False),
        SynchronizedField("initial_pitch", overridable=False),
        SynchronizedField("initial_zoom", overridable=False),
        TranslatableField("title"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("panorama")
        verbose_name_plural = _("panoramas")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.image_id:
            try:
                panorama_image_check(self.image)
            except ValidationError as error:
                raise ValidationError({"image": error.messages}) from None


class HotspotTarget(models.TextChoices):
    SCENE = "scene", _("Another panorama")
    PAGE = "page", _("An artefact or monument page")
    NOTE = "note", _("A text note")


class PanoramaHotspot(TranslatableMixin, Orderable):
    """A point on a panorama that leads to another scene, to a page of the archive, or to a note."""

    panorama = ParentalKey(Panorama, on_delete=models.CASCADE, related_name="hotspots")
    yaw = yaw_field(_("yaw"))
    pitch = pitch_field(_("pitch"))
    label = models.CharField(_("label"), max_length=255)
    target_scene = models.ForeignKey(
        Panorama,
        verbose_name=_("panorama it leads to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page it leads to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("yaw"), FieldPanel("pitch")]),
        FieldPanel("label"),
        FieldPanel("target_scene"),
        FieldPanel("target_page"),
        FieldPanel("note"),
    ]
    override_translatable_fields = [
        SynchronizedField("yaw", overridable=False),
        SynchronizedField("pitch", overridable=False),
        SynchronizedField("target_scene", overridable=False),
        SynchronizedField("target_page", overridable=False),
        TranslatableField("label"),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("hotspot")

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        if self.locale_id is None and self.panorama_id:
            self.locale_id = Panorama.objects.filter(pk=self.panorama_id).values_list("locale_id", flat=True).first()
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        targets = [name for name in ("target_scene", "target_page") if getattr(self, f"{name}_id")]
        if self.note.strip():
            targets.append("note")
        if len(targets) != 1:
            raise ValidationError(_("A hotspot leads to exactly one thing: another panorama, a page, or a text note."))
        if self.target_scene_id and self.target_scene_id == self.panorama_id:
            raise ValidationError({"target_scene": _("A hotspot cannot lead to its own panorama.")})

    @property
    def target(self) -> str:
        """What the hotspot leads to (HotspotTarget), or "" when its target was deleted."""
        if self.target_scene_id:
            return HotspotTarget.SCENE
        if self.target_page_id:
            return HotspotTarget.PAGE
        if self.note.strip():
            return HotspotTarget.NOTE
        return ""


# --- Tours -------------------------------------------------------------------------------


class TourIndexPage(SitePage):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["heritage.HomePage"]
    subpage_types = ["tours.TourPage"]
    max_count_per_parent = 1
    override_translatable_fields = [SynchronizedField("slug", overridable=False), TranslatableField("intro")]

    class Meta:
        verbose_name = _("tour index")

    def get_context(self, request, *args, **kwargs):
        from .selectors import listed_tours

        context = super().get_context(request, *args, **kwargs)
        context["tours"] = listed_tours(TourPage.objects.child_of(self)).order_by("path")
        return context


class Difficulty(models.TextChoices):
    EASY = "easy", _("Easy")
    MODERATE = "moderate", _("Moderate")
    DEMANDING = "demanding", _("Demanding")


class TourPage(RoutablePageMixin, SitePage):
    intro = RichTextField(_("introduction"), blank=True)
    cover_image = models.ForeignKey(
        "heritage.HeritageImage",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(1), MaxValueValidator(24 * 60)]
    )
    distance_metres = models.PositiveIntegerField(_("distance (metres)"), validators=[MaxValueValidator(100_000)])
    difficulty = models.CharField(_("difficulty"), max_length=16, choices=Difficulty.choices, default=Difficulty.EASY)
    steps_note = models.TextField(_("steps"), blank=True, help_text=_("Stairs, thresholds and slopes on the way."))
    shade_note = models.TextField(_("shade"), blank=True, help_text=_("Where there is shade and where there is none."))
    wheelchair_note = models.TextField(
        _("wheelchair access"), blank=True, help_text=_("What a wheelchair user can reach, and how.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("cover_image"),
        FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("distance_metres"), FieldPanel("difficulty")]),
        MultiFieldPanel(
            [FieldPanel("steps_note"), FieldPanel("shade_note"), FieldPanel("wheelchair_note")],
            heading=_("Accessibility"),
        ),
        InlinePanel("stops", heading=_("Stops"), label=_("Stop"), min_num=1),
    ]
    parent_page_types = ["tours.TourIndexPage"]
    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("intro")]
    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("cover_image", overridable=False),
        SynchronizedField("duration_minutes", overridable=False),
        SynchronizedField("distance_metres", overridable=False),
        SynchronizedField("difficulty", overridable=False),
        TranslatableField("intro"),
        TranslatableField("steps_note"),
        TranslatableField("shade_note"),
        TranslatableField("wheelchair_note"),
    ]

    class Meta:
        verbose_name = _("tour")

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.routable_resolver_match.url_name == "index_route":
            page_cache.cacheable(response)  # the tour itself; not its QR sheet
        return response

    def seo_subject(self, *, lang: str, indexable: bool):
        """What search engines and link previews read (heritage.seo): a schema.org TouristTrip whose
        itinerary lists the stops' monuments in order, with their coordinates."""
        from heritage.labels import display_names
        from heritage.seo import Subject, clip, description_of

        description = description_of(self, "intro", lang, self.title)
        stops = []
        for position, monument in enumerate(self.monuments_in_order(), start=1):
            item = {
                "@type": "LandmarksOrHistoricalBuildings",
                "name": display_names(monument.name_vi, monument.name_en, lang, fallback=monument.title)["primary"],
            }
            if monument.latitude is not None and monument.longitude is not None:
                item["geo"] = {
                    "@type": "GeoCoordinates",
                    "latitude": float(monument.latitude),
                    "longitude": float(monument.longitude),
                }
            stops.append({"@type": "ListItem", "position": position, "item": item})
        data = {
            "@type": "TouristTrip",
            "name": self.title,
            "description": clip(description),
            "itinerary": {"@type": "ItemList", "numberOfItems": len(stops), "itemListElement": stops},
        }
        return Subject(
            title=self.seo_title or self.title,
            description=description,
            image=self.cover_image,
            structured_data=data,
            indexable=indexable,
        )

    def get_context(self, request, *args, **kwargs):
        from .selectors import tour_stops
        from .viewer import offline_files, viewer_data

        context = super().get_context(request, *args, **kwargs)
        context["stops"] = self._stops = tour_stops(self, user=request.user)
        if not self._stops:
            # The admin asks for at least one stop (InlinePanel min_num); a tour saved without any
            # by other means is not a page for tourists.
            raise Http404(_("This tour has no stops yet."))
        context["viewer"] = viewer_data(context["stops"])
        context["offline_files"] = offline_files(context["stops"], context["viewer"])
        context["media_origins"] = settings.MEDIA_ORIGINS
        return context

    def monuments_in_order(self) -> list:
        """The stops' monuments in the tour's reader's language where translated and live, as the page
        shows them (read once per request: the page's stops when it has read them)."""
        from heritage.models import MonumentPage
        from heritage.selectors import archive_pages

        from .selectors import by_key

        views = getattr(self, "_stops", None)
        if views is not None:
            return [view.monument for view in views]
        originals = [stop.monument for stop in self.stops.order_by("sort_order", "pk").select_related("monument")]
        local = by_key(archive_pages(MonumentPage, self).live(), {m.translation_key for m in originals})
        return [local.get(original.translation_key, original) for original in originals]

    def stop_count(self) -> int:
        return self.stops.count()

    def stop_url(self, number: int, request) -> str:
        """The absolute address of stop `number` on this page, what its QR code opens: from the
        request's scheme and host, as the site's canonical URLs are (heritage/seo.py)."""
        return request.build_absolute_uri(f"{self.get_url(request)}#stop-{number}")

    @path("qr/", name="qr_sheet")
    def qr_sheet(self, request):
        """A printable sheet of the tour's QR codes, one per stop, for the signs at the site."""
        return TemplateResponse(request, "tours/tour_qr_sheet.html", self.get_context(request))


class StopImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False)
    credit = blocks.CharBlock(label=_("credit"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")


class BeforeAfterBlock(blocks.StructBlock):
    before = ImageChooserBlock(label=_("before"))
    after = ImageChooserBlock(label=_("after"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Before and after")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    source = blocks.CharBlock(label=_("source"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quotation")


class TourStop(LocalizedItem, Orderable):
    """A stop of a tour: a monument of the archive, told, with an optional panorama and audio."""

    page = ParentalKey(TourPage, on_delete=models.CASCADE, related_name="stops")
    monument = models.ForeignKey(
        "heritage.MonumentPage", verbose_name=_("monument"), on_delete=models.PROTECT, related_name="+"
    )
    narrative = StreamField(
        [
            ("text", blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])),
            ("image", StopImageBlock()),
            ("before_after", BeforeAfterBlock()),
            ("quote", QuoteBlock()),
        ],
        verbose_name=_("narrative"),
        blank=True,
    )
    panorama = models.ForeignKey(
        Panorama, verbose_name=_("panorama"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    audio = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("audio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    transcript = models.TextField(_("transcript"), blank=True, help_text=_("Required with audio."))
    opening_hours = models.TextField(_("opening hours"), blank=True)
    closures = models.TextField(_("closures"), blank=True, help_text=_("For example, parts closed for restoration."))

    panels = [
        FieldPanel("monument"),
        FieldPanel("narrative"),
        FieldPanel("panorama"),
        MultiFieldPanel([FieldPanel("audio"), FieldPanel("transcript")], heading=_("Audio")),
        MultiFieldPanel([FieldPanel("opening_hours"), FieldPanel("closures")], heading=_("Practical notes")),
    ]
    override_translatable_fields = [
        SynchronizedField("monument", overridable=False),
        SynchronizedField("panorama", overridable=False),
        SynchronizedField("audio", overridable=False),
        TranslatableField("narrative"),
        TranslatableField("transcript"),
        TranslatableField("opening_hours"),
        TranslatableField("closures"),
    ]

    class Meta(LocalizedItem.Meta, Orderable.Meta):
        verbose_name = _("stop")

    def clean(self):
        super().clean()
        if self.audio_id and not self.transcript.strip():
            raise ValidationError({"transcript": _("Audio needs its transcript: write what it says.")})
