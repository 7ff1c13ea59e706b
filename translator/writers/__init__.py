"""Writers turn threads and translations into files; every write is atomic."""
