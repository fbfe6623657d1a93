"""Right to left: a fair's title and the site name keep their order inside Arabic and Farsi text."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import post_form
from tests.factories import make_fair, registration_form_data

ISOLATED_TITLE = "\u2068#JobsForYou Bramsche\u2069"


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_fair_title_is_isolated_in_headings_footer_and_copy_text(
        app: Flask, client: FlaskClient, language: str) -> None:
    with app.app_context():
        fair_id = make_fair().id
    headers = {"Accept-Language": language}
    form = client.get(f"/fairs/{fair_id}/register", headers=headers).get_data(as_text=True)
    heading = re.search(r"<h1>(.*?)</h1>", form, re.S)
    assert heading and ISOLATED_TITLE in html_lib.unescape(heading.group(1))
    footer = form.split('<footer class="site-footer">')[1]
    assert "\u2068#JobsForYou\u2069" in footer
    response = post_form(client, f"/fairs/{fair_id}/register",
                         registration_form_data(), headers=headers)
    page = client.get(response.headers["Location"], headers=headers).get_data(as_text=True)
    copy_text = html_lib.unescape(page.split('id="sms-text"')[1].split("</textarea>")[0])
    assert ISOLATED_TITLE in copy_text
    assert "#JobsForYou #JobsForYou" not in copy_text  # the title already names the brand
    assert re.search("\u2068http://[^\u2069]+/r/[^\u2069]+\u2069", copy_text)


def test_the_site_has_an_icon(client: FlaskClient) -> None:
    with client.get("/favicon.ico") as response:
        assert response.status_code == 200 and response.data[:4] == b"\x00\x00\x01\x00"
    with client.get("/static/img/favicon.svg") as svg:
        assert svg.status_code == 200 and b"<svg" in svg.data
