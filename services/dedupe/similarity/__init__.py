"""What similarity is made of: normalised text and shingles, stable hashes, MinHash, LSH bands, SimHash."""
