"""Small helpers every layer needs; they import nothing else of the project."""
