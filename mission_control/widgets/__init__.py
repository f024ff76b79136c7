"""The dashboard's widgets: each shows what the app hands down and posts messages up."""
