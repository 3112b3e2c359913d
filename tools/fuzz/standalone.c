// SPDX-License-Identifier: GPL-2.0
/*
 * main() for a fuzz target built without libFuzzer (gcc, valgrind): runs
 * LLVMFuzzerTestOneInput() once on every file named on the command line.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"

int main(int argc, char **argv)
{
	static u8 buf[1 << 16];
	int i, n = 0;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		size_t len;

		if (!fp) {
			perror(argv[i]);
			return 1;
		}
		len = fread(buf, 1, sizeof(buf), fp);
		fclose(fp);
		LLVMFuzzerTestOneInput(buf, len);
		n++;
	}
	printf("%d inputs ran\n", n);
	return 0;
}
