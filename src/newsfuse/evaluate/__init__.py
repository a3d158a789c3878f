"""Evaluation of newsfuse's stages against public gold data (see ``../shared/eval/README.md``)."""
