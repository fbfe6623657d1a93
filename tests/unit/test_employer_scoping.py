"""The scoping layer: scoped models refuse unscoped queries; each role sees its own rows."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import func, select

from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.scoping import ANONYMOUS, SYSTEM, Scope, UnscopedQueryError, scope_for, scoped
from jobsforyou.vacancies.models import Vacancy
from tests.factories import make_account, make_employer, make_vacancy, other_region


def test_unscoped_queries_are_refused(app: Flask) -> None:
    with app.app_context():
        vacancy_id = make_vacancy(make_employer()).id
        db.session.expunge_all()
        with pytest.raises(UnscopedQueryError):
            db.session.scalars(select(Vacancy)).all()
        with pytest.raises(UnscopedQueryError):
            db.session.scalars(select(Employer)).all()
        with pytest.raises(UnscopedQueryError):
            db.session.scalar(select(func.count(Vacancy.id)))
        with pytest.raises(UnscopedQueryError):
            db.session.get(Vacancy, vacancy_id)


def count(model: type, scope: Scope) -> int:
    return len(db.session.scalars(scoped(select(model), scope)).all())


def test_each_role_sees_its_rows(app: Flask) -> None:
    with app.app_context():
        first, second = make_employer("Erste GmbH"), make_employer("Zweite GmbH")
        foreign = make_employer("Fremde GmbH", region_id=other_region().id)
        for employer in (first, second, foreign):
            make_vacancy(employer)
        employer_user = scope_for(make_account(employer_id=first.id))
        staff = scope_for(make_account("business_development"))
        organiser = scope_for(make_account("organiser"))
        checkin = scope_for(make_account("checkin"))
        assert count(Employer, employer_user) == 1 and count(Vacancy, employer_user) == 1
        assert count(Employer, staff) == 2 and count(Vacancy, staff) == 2
        assert count(Vacancy, organiser) == 2
        assert count(Vacancy, checkin) == 0 and count(Employer, ANONYMOUS) == 0
        assert count(Vacancy, ANONYMOUS) == 0
        assert count(Vacancy, SYSTEM) == 3
        orphan = Scope(role="employer", user_id=1, employer_id=None)
        assert count(Vacancy, orphan) == 0
