"""The StreamField blocks every body on the site shares (home page, guide chapters, lessons).

Later issues add blocks for quizzes and H5P here, so authors meet one palette everywhere.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from PIL import features as pil_features
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

# Checked once: renditions in AVIF only where this Pillow has an AVIF encoder (Pillow >= 11.2
# wheels do); elsewhere the <picture> offers WebP and the original format.
AVIF_ENCODING = pil_features.check("avif")

# What phones play without plug-ins: H.264/VP9/AV1 in MP4 or WebM, and the common audio files.
VIDEO_EXTENSIONS = ("mp4", "webm", "m4v")
AUDIO_EXTENSIONS = ("mp3", "m4a", "ogg", "oga", "wav", "webm")


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "lms/blocks/heading.html"
        form_classname = "title"
        preview_value = "Vì sao cần truyền thông dự thảo chính sách"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "lms/blocks/paragraph.html"
        preview_value = (
            "<p>Người dân có quyền được biết và góp ý về chính sách ảnh hưởng đến mình.</p>"
        )


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        image = value.get("image")
        # The template's <picture> offers AVIF (when this Pillow can write it), then WebP, then
        # a fallback in the original's kind: PNG keeps diagrams and screenshots sharp and
        # transparent, JPEG suits photos.
        context["avif"] = AVIF_ENCODING
        context["png_fallback"] = bool(image) and image.file.name.lower().endswith((".png", ".gif"))
        return context

    class Meta:
        icon = "image"
        label = _("Image")
        template = "lms/blocks/image.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("note", _("Note")), ("tip", _("Tip")), ("warning", _("Warning"))],
        default="note",
    )
    title = blocks.CharBlock(label=_("Title"))
    body = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "lms/blocks/callout.html"
        preview_value = {
            "kind": "tip",
            "title": "Mẹo",
            "body": "<p>Đăng toàn văn dự thảo ít nhất 30 ngày để người dân góp ý.</p>",
        }


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    situation = blocks.RichTextBlock(label=_("Situation"), features=RICH_TEXT_FEATURES)
    questions = blocks.RichTextBlock(
        label=_("Questions to discuss"), features=RICH_TEXT_FEATURES, required=False
    )

    class Meta:
        icon = "group"
        label = _("Case study")
        template = "lms/blocks/case_study.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Source"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "lms/blocks/quote.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "lms/blocks/document.html"


class CaptionsBlock(blocks.StructBlock):
    """One WebVTT captions file of a video, in one language."""

    file = DocumentChooserBlock(
        label=_("Captions file (WebVTT)"),
        help_text=_("A .vtt file with the words spoken and the sounds heard, timed."),
    )
    language = blocks.CharBlock(
        label=_("Language code"),
        default="vi",
        max_length=12,
        help_text=_("vi for Vietnamese, en for English."),
        validators=[
            RegexValidator(
                r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                _("Enter a language code such as vi or en."),
            )
        ],
    )
    label = blocks.CharBlock(
        label=_("Name in the player"),
        default="Tiếng Việt",
        max_length=40,
        help_text=_("The name listed in the player's captions menu."),
    )

    def clean(self, value):
        value = super().clean(value)
        document = value.get("file")
        if document and document.file_extension.lower() != "vtt":
            raise StructBlockValidationError(
                block_errors={
                    "file": ValidationError(
                        _("Captions must be a WebVTT file (.vtt); this file is .%(extension)s."),
                        params={"extension": document.file_extension.lower()},
                        code="captions_extension",
                    )
                }
            )
        return value

    class Meta:
        icon = "doc-full"
        label = _("Captions")


class MediaBlock(blocks.StructBlock):
    """A video or a recording, always with a transcript: it reads without playing (or
    downloading) anything, which on a slow or metered connection is often the only choice."""

    title = blocks.CharBlock(label=_("Title"))
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("video", _("Video")), ("audio", _("Audio"))],
        default="video",
    )
    media = DocumentChooserBlock(
        label=_("Media file"),
        help_text=_(
            "Video: MP4 or WebM. Audio: MP3, M4A, OGG, WAV or WebM. Keep files small: "
            "trainees often watch on mobile data."
        ),
    )
    captions = blocks.ListBlock(
        CaptionsBlock(),
        label=_("Captions"),
        min_num=0,
        default=[],
        help_text=_("Videos: one WebVTT file per language. The first is shown by default."),
    )
    poster = ImageChooserBlock(
        label=_("Poster image"),
        required=False,
        help_text=_("Videos only: the picture shown before the video plays."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Everything said and shown, for people who cannot or do not play the media."),
    )

    def clean(self, value):
        value = super().clean(value)
        document = value.get("media")
        if document is not None:
            extension = document.file_extension.lower()
            if value.get("kind") == "audio":
                allowed, message = (
                    AUDIO_EXTENSIONS,
                    _(
                        "An audio file must be MP3, M4A, OGG, OGA, WAV or WebM; this file is "
                        ".%(extension)s."
                    ),
                )
            else:
                allowed, message = (
                    VIDEO_EXTENSIONS,
                    _("A video file must be MP4, M4V or WebM; this file is .%(extension)s."),
                )
            if extension not in allowed:
                raise StructBlockValidationError(
                    block_errors={
                        "media": ValidationError(
                            message,
                            params={"extension": extension or "?"},
                            code="media_extension",
                        )
                    }
                )
        return value

    class Meta:
        icon = "media"
        label = _("Video or audio")
        template = "lms/blocks/media.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    callout = CalloutBlock()
    case_study = CaseStudyBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    media = MediaBlock()
