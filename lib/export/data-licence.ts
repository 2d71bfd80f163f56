/** The licence the public data are published under, unless a letter says otherwise (README, "Public JSON"). */
export const DATA_LICENCE = {
  name: "CC BY 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
} as const;
