"""Question banks, categories, questions and quizzes as Wagtail snippets, in one menu group."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Question, QuestionBank, QuestionCategory, Quiz


class QuestionBankViewSet(SnippetViewSet):
    model = QuestionBank
    icon = "folder-open-inverse"
    list_display = ["name", "created_at"]
    search_fields = ["name"]


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-inverse"
    list_display = ["name", "bank", "parent"]
    list_filter = ["bank"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return QuestionCategory.objects.select_related("bank", "parent")


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    list_display = ["title", "kind", "category", "bank", "points"]
    list_filter = ["bank", "kind", "category"]
    search_fields = ["title"]
    list_per_page = 50

    def get_queryset(self, request):
        return Question.objects.select_related("bank", "category", "category__parent")


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    list_display = ["title", "pass_mark", "max_attempts", "time_limit_minutes", "closes_at"]
    search_fields = ["title"]


class AssessmentsGroup(SnippetViewSetGroup):
    menu_label = _("Quizzes")
    menu_icon = "tasks"
    menu_order = 220
    items = (QuizViewSet, QuestionViewSet, QuestionBankViewSet, QuestionCategoryViewSet)


register_snippet(AssessmentsGroup)
