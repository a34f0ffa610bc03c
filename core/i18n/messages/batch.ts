/** Messages of the staff batch in the app: its screen, review in one sitting, delivery (renderer/batch). */
export const batch = {} as const;
