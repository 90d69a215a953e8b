"""Readers of the French open-data files (RPPS, FINESS, INSEE, ANCT, IGN). Pure pandas, no qgis."""
