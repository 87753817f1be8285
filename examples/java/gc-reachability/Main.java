import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * jvm-args.txt 에서 -XX:+UseSerialGC 로 컬렉터를 고정했다.
 * 컬렉터를 고정하지 않으면 머신(CPU·메모리)에 따라 G1 또는 Serial이 골라져 출력이 달라진다.
 */
public class Main {

    static class Node {
        Node other;              // 서로를 가리키는 순환 참조용 필드
        byte[] payload = new byte[1024];
    }

    // GC 루트 중 하나: static 필드가 가리키는 객체는 살아 있다.
    static final List<Object> ROOTS = new ArrayList<>();

    public static void main(String[] args) {
        System.out.println("== 컬렉터와 관리하는 메모리 풀 ==");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            TreeSet<String> pools = new TreeSet<>(List.of(gc.getMemoryPoolNames()));
            System.out.println(gc.getName() + " -> " + pools);
        }

        System.out.println("== 메모리 풀 (종류별, 이름순) ==");
        TreeSet<String> pools = new TreeSet<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            pools.add(p.getType() + ": " + p.getName());
        }
        pools.forEach(System.out::println);

        System.out.println("== 도달 가능성(reachability) ==");
        Node kept = new Node();
        ROOTS.add(kept);                              // 루트에서 닿는 객체
        WeakReference<Node> keptRef = new WeakReference<>(kept);
        kept = null;                                  // 지역 변수는 끊어도 ROOTS가 붙잡고 있다

        Node garbage = new Node();                    // 아무도 붙잡지 않을 객체
        WeakReference<Node> garbageRef = new WeakReference<>(garbage);
        garbage = null;

        Node a = new Node();                          // a <-> b 순환 참조
        Node b = new Node();
        a.other = b;
        b.other = a;
        WeakReference<Node> cycleRef = new WeakReference<>(a);
        a = null;
        b = null;                                     // 순환은 남았지만 루트에서는 끊겼다

        System.gc();                                  // Serial GC에서는 Full GC가 끝난 뒤에 돌아온다

        System.out.println("static 필드가 붙잡은 객체 살아 있음: " + (keptRef.get() != null));
        System.out.println("참조가 끊긴 객체 살아 있음: " + (garbageRef.get() != null));
        System.out.println("루트와 끊긴 순환 참조 살아 있음: " + (cycleRef.get() != null));
    }
}
