"""The quiz block authors place in a lesson: passing the quiz counts toward completion."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.blocks import SnippetChooserBlock

from courses.activities import ActivityBlock


class QuizBlock(ActivityBlock):
    quiz = SnippetChooserBlock("assessments.Quiz", label=_("Quiz"))

    activity_kind = "quiz"

    class Meta:
        icon = "tasks"
        label = _("Quiz")
        template = "assessments/blocks/quiz.html"

    def activity_key(self, value) -> str:
        return f"quiz:{value['quiz'].pk}" if value.get("quiz") else "quiz:?"

    def activity_title(self, value) -> str:
        return value["quiz"].title if value.get("quiz") else str(self.label)
