// msgpackr treats a failing require of its optional accelerator as "not installed".
throw new Error("msgpackr-extract: native acceleration is not installed");
