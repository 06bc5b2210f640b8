"""The pure core: dates and the official calendar, deadline rules and obligations, a case's
lifecycle, screening, matching, figures and labels. Takes and returns plain data; no disk,
no Excel, no typer."""
