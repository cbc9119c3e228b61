/*
 * A stand-in bcryptprimitives.dll for running the Windows build under
 * Debian 12's Wine 8.0, used only by scripts/cross (never shipped).
 *
 * Rust's standard library (1.78 and later) takes its random bytes from
 * ProcessPrng in bcryptprimitives.dll, which Wine gained only in 8.13. A
 * program built by Rust cannot even start on Wine 8.0 without it. This DLL,
 * put beside the .exe, exports ProcessPrng and answers it with
 * BCryptGenRandom from the system's preferred generator, which Wine 8.0 has.
 *
 * Built by scripts/cross with Debian's mingw-w64:
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll \
 *     bcryptprimitives.c bcryptprimitives.def -lbcrypt
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    /* BCryptGenRandom takes a ULONG length: fill larger buffers in pieces. */
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
