"""Reading source documents into missions: structure, dates, quantities, events."""
