"""Press releases and the press room: the page models, their vocabularies and the embargo that guards them."""
