import java.util.ArrayList;
import java.util.List;

/**
 * jvm-args.txt 의 -Xmx16m 으로 힙을 16MB로 묶고 일부러 OOME를 낸다.
 * OutOfMemoryError·StackOverflowError를 catch 하는 것은 "보여 주기" 위해서일 뿐, 실제 서비스 코드에서 따라 하면 안 된다.
 */
public class Main {

    public static void main(String[] args) {
        // 1. OOME는 Exception이 아니라 Error 계열이다.
        Class<?> c = OutOfMemoryError.class;
        StringBuilder chain = new StringBuilder(c.getSimpleName());
        while ((c = c.getSuperclass()) != null) {
            chain.append(" -> ").append(c.getSimpleName());
        }
        System.out.println("계층: " + chain);

        // 2. 살아 있는(루트에서 닿는) 1MB 배열을 계속 쌓는다: GC가 회수할 수 없다.
        List<byte[]> leak = new ArrayList<>();
        try {
            while (true) {
                leak.add(new byte[1024 * 1024]);
            }
        } catch (OutOfMemoryError e) {
            leak.clear();   // 붙잡고 있던 참조를 놓아야 다음 줄들을 실행할 메모리가 생긴다
            System.out.println("잡힌 오류: " + e.getClass().getName());
            System.out.println("메시지: " + e.getMessage());
        }

        // 3. 힙 크기와 상관없이 배열 길이 자체가 VM 한계를 넘으면 메시지가 다르다.
        try {
            long[] huge = new long[Integer.MAX_VALUE];
            System.out.println(huge.length);
        } catch (OutOfMemoryError e) {
            System.out.println("메시지: " + e.getMessage());
        }

        // 4. 끝없는 재귀는 힙이 아니라 스레드 스택(-Xss)을 다 써서 StackOverflowError를 낸다.
        try {
            recurse(0);
        } catch (StackOverflowError e) {
            // OOME와 형제 클래스다: 둘 다 VirtualMachineError 아래에 있다.
            System.out.println("잡힌 오류: " + e.getClass().getName()
                    + ", 부모: " + e.getClass().getSuperclass().getSimpleName());
        }

        // 5. Java OOME는 예외일 뿐이라 JVM 프로세스는 살아 있다.
        System.out.println("JVM은 계속 실행 중");
    }

    static int recurse(int depth) {
        return recurse(depth + 1) + 1;   // 종료 조건이 없어 호출 프레임이 스택에 계속 쌓인다
    }
}
