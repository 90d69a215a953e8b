"""Pure-Python science of the plugin (numpy, scipy, pandas, shapely). Nothing here imports qgis or Qt."""
