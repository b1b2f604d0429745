"""Press coverage: clippings of articles about F-CRIN's releases and networks, the coverage page and its feed."""
