"""E-mail alerts: readers subscribe (double opt-in) and get each release when it becomes public."""
