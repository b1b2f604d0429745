"""Distribution formats (feeds, vCards, press kits, iCalendar), written from what a page hands them."""
