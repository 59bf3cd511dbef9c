"""The XML contract: its XSD (``gazette.xsd``) and the code that writes and validates it."""

from .writer import NAMESPACE, SCHEMA_VERSION, InvalidXML, build_tree, to_xml_bytes, validate

__all__ = ["NAMESPACE", "SCHEMA_VERSION", "InvalidXML", "build_tree", "to_xml_bytes", "validate"]
