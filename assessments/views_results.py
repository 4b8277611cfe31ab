"""The trainee's own quiz results: every attempt of theirs, by quiz and lesson, with its score,
whether it passed, when it was submitted and a link to its result page. Nobody else's."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from .marking import own_results


@login_required
def my_results(request):
    return TemplateResponse(
        request, "assessments/results/mine.html", {"groups": own_results(request.user)}
    )
