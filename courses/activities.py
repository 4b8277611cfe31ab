"""The slot for activities embedded in lessons (a quiz, an H5P activity).

A block that embeds an activity whose result counts subclasses `ActivityBlock` and says how to
name the activity it holds (`activity_key`). The lesson reads its required activities from its
body; the apps that run them (assessments, media) report results through
`courses.services.activity_result_record`, and lesson and course completion follow.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


@dataclass(frozen=True)
class ActivityRequirement:
    kind: str  # courses.records.ActivityResult.Kind
    key: str  # stable within the lesson: "quiz:12", "h5p:7"
    title: str


class ActivityBlock(blocks.StructBlock):
    """Base for embedded activities. Subclasses set `activity_kind` and define `activity_key`
    and `activity_title`; the `required` switch decides whether the lesson waits for it."""

    required = blocks.BooleanBlock(
        label=_("Required to complete the lesson"),
        required=False,
        default=True,
        help_text=_("The lesson is complete only when this activity is passed or completed."),
    )

    activity_kind = ""

    def activity_key(self, value) -> str:
        raise NotImplementedError

    def activity_title(self, value) -> str:
        return str(self.label)


def required_activities(body) -> list[ActivityRequirement]:
    """The required activities in a StreamField value, in body order."""
    found = []
    for child in body:
        block = child.block
        if isinstance(block, ActivityBlock) and child.value.get("required"):
            found.append(
                ActivityRequirement(
                    kind=block.activity_kind,
                    key=block.activity_key(child.value),
                    title=block.activity_title(child.value),
                )
            )
    return found
