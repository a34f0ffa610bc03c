import { describe, expect, it } from 'vitest';
import { errorText } from '../../../core/errors/error-text';

describe('errorText', () => {
  it('gives an error’s message, and anything else thrown as text', () => {
    expect(errorText(new Error('磁盘已满'))).toBe('磁盘已满');
    expect(errorText(new TypeError('x is undefined'))).toBe('x is undefined');
    expect(errorText('网络不可用')).toBe('网络不可用');
    expect(errorText(42)).toBe('42');
    expect(errorText(undefined)).toBe('undefined');
  });

  it('shows a refusal from Electron’s main process as its own words, as ipcRenderer.invoke wraps it', () => {
    // Electron: new Error(`Error invoking remote method '${channel}': ${error}`), `${error}` being the main side's error.toString().
    expect(errorText(new Error("Error invoking remote method 'outbox.add': Error: 报送包已在发件箱中"))).toBe('报送包已在发件箱中');
    expect(errorText(new Error("Error invoking remote method 'outbox.testConnection': Error: 无法连接平台：ECONNREFUSED"))).toBe('无法连接平台：ECONNREFUSED');
  });

  it('keeps an error name other than plain Error, which says something about what went wrong', () => {
    expect(errorText(new Error("Error invoking remote method 'outbox.add': DesktopCallRejected: Bad arguments for outbox.add: 0 Required"))).toBe(
      'DesktopCallRejected: Bad arguments for outbox.add: 0 Required',
    );
    expect(errorText(new Error("Error invoking remote method 'app.getInfo': TypeError: boom"))).toBe('TypeError: boom');
  });

  it('strips the wrapping only at the start and only once', () => {
    expect(errorText(new Error("保存失败：Error invoking remote method 'x': Error: y"))).toBe("保存失败：Error invoking remote method 'x': Error: y");
    expect(errorText(new Error("Error invoking remote method 'outbox.add': Error: Error: 内层"))).toBe('Error: 内层');
  });
});
