"""Built-in code rules, one module per family; each rule class is decorated with ``@register``."""
