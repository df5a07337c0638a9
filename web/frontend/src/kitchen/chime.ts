/**
 * The sound of a new ticket, synthesised (no file to load): two short tones. Browsers play sound only after a tap on the
 * page, so the tap that signs in or starts the board unlocks it.
 */
class Chime {
  private context: AudioContext | null = null;

  unlock(): void {
    if (!this.context && typeof AudioContext !== 'undefined') {
      this.context = new AudioContext();
    }
    void this.context?.resume();
  }

  play(): void {
    const context = this.context;
    if (!context) {
      return;
    }
    [880, 1320].forEach((frequency, index) => {
      const start = context.currentTime + index * 0.18;
      const tone = context.createOscillator();
      const volume = context.createGain();
      tone.frequency.value = frequency;
      volume.gain.setValueAtTime(0.001, start);
      volume.gain.exponentialRampToValueAtTime(0.4, start + 0.02);
      volume.gain.exponentialRampToValueAtTime(0.001, start + 0.16);
      tone.connect(volume).connect(context.destination);
      tone.start(start);
      tone.stop(start + 0.17);
    });
  }
}

export const chime = new Chime();
