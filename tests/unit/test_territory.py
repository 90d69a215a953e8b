"""France's territories as boxes: where a health file's place may plausibly be."""

import numpy as np

from medical_deserts_plugin.core.territory import in_france


def test_france_boxes():
    #            Paris  Ajaccio  Pointe-à-Pitre  Cayenne  Saint-Denis  Mamoudzou  Nouméa   London  1e30   NaN
    longitude = [2.35, 8.74, -61.53, -52.33, 55.45, 45.23, 166.45, -0.13, 1e30, np.nan]
    latitude = [48.86, 41.92, 16.24, 4.94, -20.88, -12.78, -22.27, 51.51, 1e30, 45.0]
    np.testing.assert_array_equal(in_france(longitude, latitude), [True] * 7 + [False] * 3)
