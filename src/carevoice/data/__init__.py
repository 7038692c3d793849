"""Package data: channel profiles, tone rules, keyword lists (YAML)."""
