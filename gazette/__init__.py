"""gazette: Chinese government gazette text layers → clean, schema-valid XML."""

__version__ = "0.30.0"
