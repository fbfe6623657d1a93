"""Every form of the app, sent as its owner with hostile text in every field: never a 5xx, and
nothing of it rendered as markup."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlencode

from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import sign_in
from tests.web.test_role_url_walk import access_of, routes, world

HOSTILE = (
    "<script>alert('x')</script>",
    "\"><img src=x onerror=alert(1)>",
    "'; DROP TABLE registrations; --",
    "%s%s%n %(secret)s {0.__class__} {{7*7}}",
    "\u202eevil\u202c \u2066isolated\u2069",
    "👩🏽‍🔧🧑‍🍳 مرحبا Привіт",
    "A" * 10_000,
    "line one\r\nline two\rthree",
    "\u0000nul",
    "\ud800 lone surrogate",
    "-1", "99999999999999999999", "1e999", "",
)
MARKUP = ("<script>alert('x')</script>", "<img src=x onerror=alert(1)>")
PREFERRED_OWNERS = ("organiser_a", "employer_a", "business_development", "admin", "anonymous")


class FormReader(HTMLParser):
    """The fields of the forms in main content that post to a page (not the sign-out form)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self._form: dict[str, Any] | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self._form = {"action": a.get("action"), "fields": {}, "choices": {}}
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "textarea", "select") and a.get("name"):
            name = str(a["name"])
            kind = (a.get("type") or "text").lower() if tag == "input" else tag
            if kind == "hidden":
                self._form["fields"][name] = a.get("value") or ""
            elif kind in ("checkbox", "radio"):
                self._form["choices"].setdefault(name, a.get("value") or "y")
            elif kind == "select":
                self._select = name
                self._form["fields"].setdefault(name, None)
            elif kind not in ("submit", "file", "button"):
                self._form["fields"][name] = None  # a text field: hostile values go here
        elif tag == "option" and self._form is not None and self._select:
            if self._form["fields"].get(self._select) is None:
                self._form["fields"][self._select] = a.get("value") or ""
                self._form.setdefault("selects", set()).add(self._select)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def forms_of(html: str) -> list[dict[str, Any]]:
    reader = FormReader()
    reader.feed(html)
    return [f for f in reader.forms if not (f["action"] or "").endswith(("/logout", "/language"))]


def test_hostile_text_in_every_form_field(app: Flask) -> None:
    setup = world(app)
    users, ids = setup["users"], setup["ids"]
    form_pages = sorted({(e, p) for e, m, p in routes(app, ids) if m == "POST"
                         and not p.startswith("/api/") and not p.startswith("/r/")})
    sent = 0
    pages_with_forms = 0
    for endpoint, path in form_pages:
        allowed = access_of(endpoint) or set()
        owner = next((r for r in PREFERRED_OWNERS if r in allowed), None)
        if owner is None:
            continue
        client = app.test_client()
        if owner != "anonymous":
            sign_in(client, users[owner])
        page = client.get(path)
        if page.status_code != 200:
            continue  # a POST-only action (its form lives on another page, walked there)
        forms = [f for f in forms_of(page.get_data(as_text=True))
                 if f["action"] in (None, "", path)]
        if not forms:
            continue
        pages_with_forms += 1
        form = forms[0]
        text_fields = [n for n, v in form["fields"].items()
                       if v is None and n not in form.get("selects", set())]
        for value in HOSTILE:
            data: dict[str, Any] = {n: v for n, v in form["fields"].items() if v is not None}
            data.update(form["choices"])
            data.update({name: value for name in text_fields})
            for select in form.get("selects", set()):
                data[select] = value  # a value that is no choice
            # as a browser sends it (a lone surrogate arrives as the invalid UTF-8 bytes ED A0 80)
            body_bytes = urlencode(data, doseq=True, encoding="utf-8",
                                   errors="surrogatepass").encode("ascii")
            response = client.post(path, data=body_bytes,
                                   content_type="application/x-www-form-urlencoded")
            sent += 1
            assert response.status_code < 500, (endpoint, value[:30], response.status_code)
            body = response.get_data(as_text=True)
            assert not [m for m in MARKUP if m in body], (endpoint, value[:30])
    print(f"hostile input: {sent} submissions to {pages_with_forms} forms")
    assert pages_with_forms >= 15, pages_with_forms
    assert sent >= 15 * len(HOSTILE)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=120), family=st.text(min_size=1, max_size=120))
def test_any_name_is_stored_exactly_or_refused_with_a_message(
        app: Flask, name: str, family: str) -> None:
    from sqlalchemy import select

    from jobsforyou.extensions import db, limiter
    from jobsforyou.registration.models import Registration
    from tests.conftest import post_form
    from tests.factories import make_fair, registration_form_data, system

    with app.app_context():
        limiter.reset()  # many examples from one address: the limits are tested elsewhere
        fair_id = make_fair().id
    client = app.test_client()
    response = post_form(client, f"/fairs/{fair_id}/register", registration_form_data(
        given_name=name, family_name=family, phone="0176 5550000", email=""),
        headers={"Accept-Language": "en"})
    assert response.status_code < 500
    if response.status_code == 302:
        with app.app_context():
            stored = db.session.execute(system(select(
                Registration.given_name, Registration.family_name).where(
                Registration.fair_id == fair_id))).one()
        assert stored == (name.strip(), family.strip())
    else:  # refused: on the form with its messages, or as malformed (control characters)
        page = response.get_data(as_text=True)
        assert ("Please check your entries" in page
                or (response.status_code == 400 and "could not be processed" in page))
