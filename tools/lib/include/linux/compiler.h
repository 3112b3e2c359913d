/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace builds (tools/): the kernel's attribute and helper macros that
 * the C library's headers lack, so that the tools are written the way the
 * kernel code is (and checkpatch --strict reads them the same way).  The
 * definitions are those of the kernel's <linux/compiler_attributes.h>,
 * <linux/compiler_types.h> and <linux/kernel.h>.
 */
#ifndef _NDPV6_USER_COMPILER_H
#define _NDPV6_USER_COMPILER_H

#ifndef __printf
#define __printf(a, b)	__attribute__((__format__(printf, a, b)))
#endif
#ifndef __noreturn
#define __noreturn	__attribute__((__noreturn__))
#endif
#ifndef noinline
#define noinline	__attribute__((__noinline__))
#endif
#ifndef __maybe_unused
#define __maybe_unused	__attribute__((__unused__))
#endif
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif

#endif
