/* Test-harness shim for wine 8 only, never shipped: wine 8 has no bcryptprimitives.dll, and
 * Rust's standard library asks it (ProcessPrng) for random numbers. Real Windows has the DLL.
 * This one forwards to RtlGenRandom (advapi32's SystemFunction036), which wine does have. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
