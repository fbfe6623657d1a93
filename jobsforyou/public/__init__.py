"""Public pages for job seekers and everyone: upcoming fairs, a fair's page, its vacancies."""
