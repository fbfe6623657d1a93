"""Matches in the web app: a seeker's fitting jobs, an employer's consenting candidates."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobsforyou.extensions import db
from tests.conftest import post_form, sign_in
from tests.factories import (
    make_account,
    make_attending,
    make_employer,
    make_fair,
    make_vacancy,
    registration_form_data,
    system,
)


def _fair_with_two_employers(app: Flask) -> dict[str, int]:
    with app.app_context():
        fair = make_fair()
        kitchen = make_employer("Hotel Haus Ravensberg", town="Bad Iburg")
        metal = make_employer("Teuto Metallbau KG", town="Georgsmarienhütte")
        make_attending(fair, kitchen, booth_number=7)
        make_attending(fair, metal, booth_number=12)
        cook = make_vacancy(kitchen, "Koch/Köchin (m/w/d)", occupation_id=None,
                            german_level_min="B1", required_skills=[])
        welder = make_vacancy(metal, "Schweißer MAG (m/w/d)", occupation_id=None,
                              german_level_min="A2")
        outsider = make_employer("Nicht auf der Messe GmbH")
        make_vacancy(outsider, "Koch (m/w/d) Nachtschicht", occupation_id=None)
        kitchen_user = make_account("employer", employer_id=kitchen.id)
        metal_user = make_account("employer", employer_id=metal.id)
        return {"fair": fair.id, "cook": cook.id, "welder": welder.id,
                "kitchen_user": kitchen_user.id, "metal_user": metal_user.id}


def test_seeker_sees_fitting_jobs_with_reasons_and_gaps_in_their_language(
    app: Flask, client: FlaskClient
) -> None:
    ids = _fair_with_two_employers(app)
    personal = post_form(client, f"/fairs/{ids['fair']}/register",
                         registration_form_data(german_level="A2"),
                         headers={"Accept-Language": "uk"}).headers["Location"]
    html = client.get(personal).get_data(as_text=True)
    cook_at = html.index("Koch/Köchin (m/w/d)")
    assert "Nicht auf der Messe" not in html and "Nachtschicht" not in html
    welder_at = html.find("Schweißer MAG (m/w/d)")
    assert welder_at == -1 or cook_at < welder_at  # the cook job fits a cook best
    card = html[cook_at:cook_at + 2500]
    assert "7" in card  # the booth to visit
    assert 'data-code="german_level_below"' in card
    assert "B1" in card and "A2" in card


def test_employer_sees_only_consenting_candidates(app: Flask, client: FlaskClient) -> None:
    ids = _fair_with_two_employers(app)
    seeker = app.test_client()
    post_form(seeker, f"/fairs/{ids['fair']}/register",
              registration_form_data(given_name="Олена", phone="0176 1111111"))
    post_form(seeker, f"/fairs/{ids['fair']}/register",
              registration_form_data(given_name="Verborgen", phone="0176 2222222",
                                     consent_share=None))
    sign_in(client, ids["kitchen_user"])
    page = client.get(f"/vacancies/{ids['cook']}/candidates", headers={"Accept-Language": "de"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Олена" in html
    assert "Verborgen" not in html
    assert 'data-code="german_level_below"' in html
    assert "0176" not in html  # no contact data for employers
    # the wish in the seeker's words ("кухар"), with the German name of the recognised occupation
    wished = html[html.index("кухар"):html.index("кухар") + 200]
    assert '<span lang="de">(Koch' in wished


def test_candidates_page_is_scoped_to_the_employer(app: Flask, client: FlaskClient) -> None:
    ids = _fair_with_two_employers(app)
    assert client.get(f"/vacancies/{ids['cook']}/candidates").status_code == 302  # to login
    sign_in(client, ids["metal_user"])
    assert client.get(f"/vacancies/{ids['cook']}/candidates").status_code == 404
    assert client.get(f"/vacancies/{ids['welder']}/candidates").status_code == 200


def test_registration_scope_rule_admits_only_consenting_seekers_of_attended_fairs(
    app: Flask,
) -> None:
    from sqlalchemy import select

    from jobsforyou.extensions import db
    from jobsforyou.registration.models import Registration
    from jobsforyou.scoping import Scope, UnscopedQueryError, scoped

    ids = _fair_with_two_employers(app)
    seeker = app.test_client()
    post_form(seeker, f"/fairs/{ids['fair']}/register",
              registration_form_data(given_name="Geteilt", phone="0176 1111111"))
    post_form(seeker, f"/fairs/{ids['fair']}/register",
              registration_form_data(given_name="Privat", phone="0176 2222222",
                                     consent_share=None))
    with app.app_context():
        from jobsforyou.accounts.models import User

        kitchen_user = db.session.get(User, ids["kitchen_user"])
        names = lambda scope: sorted(  # noqa: E731
            db.session.scalars(scoped(select(Registration.given_name), scope)))
        employer_scope = Scope(role="employer", user_id=kitchen_user.id,
                               employer_id=kitchen_user.employer_id)
        assert names(employer_scope) == ["Geteilt"]
        assert names(Scope(role="employer", employer_id=999_999)) == []
        county_staff = Scope(role="business_development", region_id=kitchen_user.region_id)
        assert names(county_staff) == ["Geteilt"]  # consenting seekers of the county's fairs
        assert names(Scope(role="admin")) == ["Geteilt", "Privat"]
        try:
            db.session.scalars(select(Registration)).all()
        except UnscopedQueryError:
            pass
        else:
            raise AssertionError("an unscoped query on registrations must be refused")


def test_an_empty_candidate_list_says_why(app: Flask, app_context: None) -> None:
    from jobsforyou.registration.models import Consent, ConsentPurpose
    from tests.factories import make_booth_request, make_registration

    fair = make_fair()
    employer = make_employer("Hotel Haus Ravensberg", town="Bad Iburg")
    vacancy_id = make_vacancy(employer, "Koch/Köchin (m/w/d)").id
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    sign_in(client, make_account("employer", employer_id=employer.id).id)

    def page() -> str:
        return client.get(f"/vacancies/{vacancy_id}/candidates").get_data(as_text=True)

    assert "once you hold a booth at a fair" in page()
    booth_request = make_booth_request(fair, employer)
    assert "has not been approved yet" in page()
    db.session.delete(booth_request)
    db.session.commit()
    make_attending(fair, employer)
    make_registration(fair, "Taras", "Melnyk", desired_occupations=("Koch",))
    for consent in db.session.scalars(system(select(Consent).where(
            Consent.purpose == ConsentPurpose.SHARE_WITH_EMPLOYERS))):
        db.session.delete(consent)
    db.session.commit()
    assert "has agreed to share their profile" in page()


def test_a_candidate_list_ends_where_the_evidence_ends(app: Flask, app_context: None) -> None:
    from tests.factories import make_registration

    fair = make_fair()
    employer = make_employer("Lager Nord GmbH")
    make_attending(fair, employer)
    vacancy_id = make_vacancy(employer, "Lagerhelfer (m/w/d)", languages_helpful=["uk"],
                              employment_type="full_time").id
    make_registration(fair, "Oksana", "Lysenko", desired_occupations=("стюардеса",),
                      languages=("uk",), employment_types=("full_time",))
    make_registration(fair, "Taras", "Bondar", desired_occupations=("комірник",),
                      languages=("uk",))
    client = app.test_client()
    sign_in(client, make_account("employer", employer_id=employer.id).id)
    html = client.get(f"/vacancies/{vacancy_id}/candidates",
                      headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Lysenko" not in html  # a helpful language and the kind of work are no evidence
    assert "The job title is similar" not in html


def test_only_occupation_or_skill_reasons_count_as_evidence() -> None:
    from jobsforyou.matchmaking.services import has_evidence
    from matching import Explanation, Match

    def match(*codes: str) -> Match:
        return Match("c", "v", 0.8, reasons=tuple(Explanation(code) for code in codes))

    assert not has_evidence(match("languages_helpful", "employment_type_match", "within_reach"))
    assert not has_evidence(match())
    assert has_evidence(match("languages_helpful", "occupation_related"))
    assert has_evidence(match("skills_matched"))
