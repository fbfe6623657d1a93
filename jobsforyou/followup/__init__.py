"""After a fair: employers asked what became of their talks, visitors invited to later fairs."""
