"""Data generators and load scripts. Each script prints its figures next to a baseline
measured in the same run."""
