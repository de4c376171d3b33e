"""Reporting rounds: a plan admin opens a report, contact persons answer per action, and
completing it freezes a snapshot of every action that later edits never change."""
