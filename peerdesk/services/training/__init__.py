"""Training: the course's modules, training sessions and the training matrix (issue 22)."""
