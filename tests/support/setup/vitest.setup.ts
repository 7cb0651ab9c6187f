process.env.TZ = "Europe/Amsterdam";
