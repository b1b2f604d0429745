"""The media library: photos and video embeds with their caption, credit, licence and alternative text,
in galleries of releases and networks, listed on the media library page and downloaded in web and print sizes."""
