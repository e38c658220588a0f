/*
 * pam_cdlab_otp: the lab's second keyboard-interactive prompt. Asks
 * "Verification code: " (the prompt text of Google Authenticator's PAM module,
 * which real sites use) and compares the answer with the code stored in the
 * file named by the module's only argument. A fixed code keeps tests
 * deterministic; the point is the two-prompt conversation, not TOTP maths.
 *
 * Built by test/lab/sshdConfig.ts with plain gcc and no libpam headers: the
 * handful of PAM ABI names below are stable since Linux-PAM 0.99, and the
 * symbols resolve against the libpam that sshd has already loaded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pam_handle pam_handle_t;
extern int pam_prompt(pam_handle_t *pamh, int style, char **response, const char *fmt, ...);

#define PAM_SUCCESS 0
#define PAM_SERVICE_ERR 3
#define PAM_AUTH_ERR 7
#define PAM_PROMPT_ECHO_OFF 1

static int read_code(const char *file, char *code, size_t size) {
  FILE *f = fopen(file, "r");
  if (!f) return 0;
  size_t n = fread(code, 1, size - 1, f);
  fclose(f);
  code[n] = '\0';
  while (n > 0 && (code[n - 1] == '\n' || code[n - 1] == '\r' || code[n - 1] == ' ')) code[--n] = '\0';
  return n > 0;
}

int pam_sm_authenticate(pam_handle_t *pamh, int flags, int argc, const char **argv) {
  (void)flags;
  char expected[128];
  if (argc < 1 || !read_code(argv[0], expected, sizeof expected)) return PAM_SERVICE_ERR;
  char *answer = NULL;
  if (pam_prompt(pamh, PAM_PROMPT_ECHO_OFF, &answer, "Verification code: ") != PAM_SUCCESS || !answer) {
    return PAM_AUTH_ERR;
  }
  /* Compare every byte so the time taken does not depend on where they differ. */
  size_t la = strlen(answer), le = strlen(expected);
  unsigned diff = (unsigned)(la ^ le);
  for (size_t i = 0; i < le; i++) diff |= (unsigned char)expected[i] ^ (unsigned char)(i < la ? answer[i] : 0);
  memset(answer, 0, la);
  free(answer);
  return diff == 0 ? PAM_SUCCESS : PAM_AUTH_ERR;
}

int pam_sm_setcred(pam_handle_t *pamh, int flags, int argc, const char **argv) {
  (void)pamh; (void)flags; (void)argc; (void)argv;
  return PAM_SUCCESS;
}
