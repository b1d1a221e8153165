// Start-up and baseline memory, subtracted from the others' peak RSS.
