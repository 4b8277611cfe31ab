"""The H5P block authors place in a lesson, and the player settings it gives the page.

The block renders light HTML: the activity's title, a "Start" button and the player's settings
as JSON. Nothing of the player (about 170 KB of scripts, plus the content's libraries) is
fetched until the trainee presses Start (media/static/media/h5p-block.js), so a lesson with an
activity costs a phone on slow data almost nothing more until it is used. With
`H5P_CONTENT_ORIGIN` set, Start opens the player in a frame from that origin instead
(media/player.py), so the libraries' code never runs with the site's origin.
"""

from __future__ import annotations

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from courses.activities import ActivityBlock

# How often (seconds) the player saves where the trainee is, for resuming later.
SAVE_EVERY_SECONDS = 30

# H5P core's own interface strings (h5p-standalone's defaults, in English), passed to the
# player as `translations`. The content types' strings (buttons, feedback) come from the
# package's content.json, as its author wrote them.
H5P_CORE_STRINGS = {
    "fullscreen": _("Fullscreen"),
    "disableFullscreen": _("Disable fullscreen"),
    "download": pgettext_lazy("h5p", "Download"),
    "copyrights": _("Rights of use"),
    "embed": pgettext_lazy("h5p", "Embed"),
    "size": pgettext_lazy("h5p", "Size"),
    "showAdvanced": _("Show advanced"),
    "hideAdvanced": _("Hide advanced"),
    "copyrightInformation": _("Rights of use"),
    "close": pgettext_lazy("h5p", "Close"),
    "title": pgettext_lazy("h5p", "Title"),
    "author": pgettext_lazy("h5p", "Author"),
    "year": pgettext_lazy("h5p", "Year"),
    "source": pgettext_lazy("h5p", "Source"),
    "license": pgettext_lazy("h5p", "License"),
    "thumbnail": pgettext_lazy("h5p", "Thumbnail"),
    "noCopyrights": _("No copyright information available for this content."),
    "reuse": pgettext_lazy("h5p", "Reuse"),
    "reuseContent": _("Reuse Content"),
    "reuseDescription": _("Reuse this content."),
    "downloadDescription": _("Download this content as a H5P file."),
    "copyrightsDescription": _("View copyright information for this content."),
    "embedDescription": _("View the embed code for this content."),
    "h5pDescription": _("Visit H5P.org to check out more cool content."),
    "contentChanged": _("This content has changed since you last used it."),
    "startingOver": _("You'll be starting over."),
    "by": pgettext_lazy("h5p", "by"),
    "showMore": pgettext_lazy("h5p", "Show more"),
    "showLess": pgettext_lazy("h5p", "Show less"),
    "subLevel": pgettext_lazy("h5p", "Sublevel"),
    "confirmDialogHeader": _("Confirm action"),
    "confirmDialogBody": _(
        "Please confirm that you wish to proceed. This action is not reversible."
    ),
    "cancelLabel": pgettext_lazy("h5p", "Cancel"),
    "confirmLabel": pgettext_lazy("h5p", "Confirm"),
    "licenseU": pgettext_lazy("h5p", "Undisclosed"),
    "licenseC": pgettext_lazy("h5p", "Copyright"),
    "licensePD": pgettext_lazy("h5p", "Public Domain"),
    "contentType": pgettext_lazy("h5p", "Content Type"),
    "changes": pgettext_lazy("h5p", "Changelog"),
    "contentCopied": _("Content is copied to the clipboard"),
    "connectionLost": _(
        "Connection lost. Results will be stored and sent when you regain connection."
    ),
    "connectionReestablished": _("Connection reestablished."),
    "resubmitScores": _("Attempting to submit stored results."),
    "offlineDialogHeader": _("Your connection to the server was lost"),
    "offlineDialogBody": _(
        "We were unable to send information about your completion of this task. Please check "
        "your internet connection."
    ),
    "offlineDialogRetryMessage": _("Retrying in :num...."),
    "offlineDialogRetryButtonLabel": _("Retry now"),
    "offlineSuccessfulSubmit": _("Successfully submitted results."),
}


def core_translations() -> dict:
    """H5P core's strings in the active language (Vietnamese unless the reader chose English)."""
    return {"H5P": {key: str(text) for key, text in H5P_CORE_STRINGS.items()}}


def _lesson_of(parent_context) -> object | None:
    from courses.models import LessonPage

    page = (parent_context or {}).get("page")
    page = getattr(page, "specific", page)
    return page if isinstance(page, LessonPage) and page.pk else None


def _library_fullscreen(content) -> bool:
    main = content.main_library
    return bool(main is not None and main.metadata.get("fullscreen"))


def player_core(*, token: str, user_id: int, content) -> dict:
    """The h5p-standalone options that do not depend on where the player runs."""
    from .serving import player_paths
    from .xapi import activity_iri

    return {
        **player_paths(token),
        "xAPIObjectIRI": activity_iri(content.pk),
        "saveFreq": SAVE_EVERY_SECONDS,
        # H5P core saves state only for a known user; the actor it builds from these is
        # replaced on the server by the logged-in person.
        "user": {"name": str(user_id), "mail": f"{user_id}@users.invalid"},
        # Only for content types made for it (Course Presentation...): on the others H5P's
        # button sits over the question's first line on a phone.
        "fullScreen": _library_fullscreen(content),
        "title": content.title,
    }


def player_settings(*, request, content, lesson) -> dict | None:
    """The h5p-standalone options for this reader, or None when the activity cannot play for
    them (not logged in, content not ready or using a blocked library). With a content origin
    the player runs in a frame from there (media/player.py) and `lms.frameUrl` names it."""
    from .selectors import content_is_playable
    from .serving import content_origin, content_token

    user = getattr(request, "user", None)
    if content is None or user is None or not user.is_authenticated:
        return None
    if not content_is_playable(content):
        return None
    token = content_token(user=user, content=content, lesson=lesson)
    state_url = reverse("h5p:state", kwargs={"content_id": content.pk})
    origin = content_origin()
    return {
        **player_core(token=token, user_id=user.pk, content=content),
        "frameJs": static("vendor/h5p-standalone/frame.bundle.js"),
        "frameCss": static("vendor/h5p-standalone/styles/h5p.css"),
        "ajax": {
            "contentUserDataUrl": f"{state_url}?t={token}&dataType=:dataType"
            "&subContentId=:subContentId"
        },
        "translations": core_translations(),
        # For media/static/media/h5p-block.js, not the player:
        "lms": {
            "contentId": content.pk,
            "token": token,
            "player": static("vendor/h5p-standalone/main.bundle.js"),
            "css": static("media/h5p-block.css"),
            "xapiUrl": reverse("h5p:xapi"),
            "frameUrl": origin + reverse("h5p:player", kwargs={"token": token}) if origin else "",
            "frameOrigin": origin,
            "messages": {
                "loading": gettext("Loading the activity…"),
                "failed": gettext(
                    "The activity could not be loaded. Check your connection and try again."
                ),
                "passed": gettext("Result saved: passed."),
                "notPassed": gettext("Result saved: not passed yet. You can try again."),
                "score": gettext("Score: %(score)s%%"),
                "notSaved": gettext("Your result could not be saved:"),
                "lessonDone": gettext("You have completed this lesson."),
                "passedState": gettext("Passed"),
            },
        },
    }


class H5PBlock(ActivityBlock):
    """An H5P activity (uploaded in the admin's "H5P" menu) embedded in a lesson. Required by
    default: the lesson completes when the trainee passes it (or, for an activity without a
    pass mark, completes it)."""

    content = SnippetChooserBlock("media.H5PContent", label=_("H5P activity"))
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=255,
        help_text=_("Optional: a sentence under the activity, e.g. what to do."),
    )

    activity_kind = "h5p"

    class Meta:
        icon = "pick"
        label = _("H5P activity")
        template = "media/blocks/h5p.html"

    def activity_key(self, value) -> str:
        return f"h5p:{value['content'].pk}" if value.get("content") else "h5p:?"

    def activity_title(self, value) -> str:
        return value["content"].title if value.get("content") else str(self.label)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        context["player"] = player_settings(
            request=request, content=value.get("content"), lesson=_lesson_of(parent_context)
        )
        return context
