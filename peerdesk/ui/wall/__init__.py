"""The post-it wall: Day 1 evening sheets and the Day 2 canvas of themes (QGraphicsView)."""
