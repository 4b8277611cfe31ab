"""H5P packages: validation now; extraction, storage, playback and xAPI come later (issue 6)."""
